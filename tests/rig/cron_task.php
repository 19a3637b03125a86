<?php
/**
 * Runs one of X-Cart's periodic tasks the way its cron does (XLite\Controller\Console\Cron:
 * the task row, its owner's runner, ready and not running → run), without the shop's other
 * tasks, which would call out to the network.
 * Usage: node xc.mjs cli cron_task.php OWNER_CLASS   (prints one JSON object)
 */
define('LC_DO_NOT_REBUILD_CACHE', true);
require getenv('XC_ROOT') . '/top.inc.php';

$task = \XLite\Core\Database::getRepo('XLite\Model\Task')->findOneBy(['owner' => $argv[1]]);
$runner = $task ? $task->getOwnerInstance() : null;
$ran = false;
if ($runner && $runner->isReady() && !$runner->isRunning()) {
    $runner->run();
    $ran = true;
}
echo json_encode(['found' => (bool) $task, 'ran' => $ran, 'title' => $runner ? $runner->getTitle() : null]), "\n";
