<?php
/**
 * The fixtures list X-Cart's rebuild loads in its step 7: what the service tool sets when it
 * enables a module on a live shop (the module's install.yaml, nothing else).
 * Usage: node xc.mjs cli fixtures.php FILE...   (paths relative to the X-Cart root)
 */
if (!($root = getenv('XC_ROOT'))) { fwrite(STDERR, "XC_ROOT is not set\n"); exit(1); }
chdir($root);
define('XCN_ADMIN_SCRIPT', true);
require_once $root . '/top.inc.rebuild.php';

use Includes\Decorator\Plugin\Doctrine\Utils\FixturesManager;

FixturesManager::removeFixtures();
foreach (array_slice($argv, 1) as $file) {
    FixturesManager::addFixtureToList($file);
}
echo json_encode(['fixtures' => FixturesManager::getFixtures()]), "\n";
