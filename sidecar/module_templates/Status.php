<?php
// {{header}}

namespace {{namespace}}\View\FormField;

/**
 * The first line of the settings page: the URL to enter in 1C, whether the sidecar answers
 * (its /healthz, asked with a two-second timeout), and a link to where the exchanges, what they
 * changed and what failed are shown: Orders → 1C integration (5.4), the sidecar's status page
 * (5.5; the web server routes /xc1c/ to the sidecar).
 */
class Status extends \XLite\View\FormField\Label
{
    protected function getLabelValue()
    {
        $url = \XLite::getInstance()->getShopURL('1c_exchange.php');
        $config = \XLite\Core\Config::getInstance()->{{config_path}};
        $sidecar = rtrim((string) $config->sidecar_url, '/');
        $state = static::t('Xc1c: sidecar silent', ['url' => $sidecar]);
        if ($sidecar !== '') {
            $context = stream_context_create(['http' => ['timeout' => 2]]);
            $answer = @file_get_contents($sidecar . '/healthz', false, $context);
            if (is_string($answer) && strpos($answer, 'ok') === 0) {
                $state = static::t('Xc1c: sidecar answers', ['version' => trim(substr($answer, 2))]);
            }
        }

        $status = {{status_url}};

        return htmlspecialchars(static::t('Xc1c: exchange URL', ['url' => $url]) . ' — ' . $state)
            . ' — <a href="' . htmlspecialchars($status) . '" target="_blank">'
            . htmlspecialchars(static::t('Xc1c: status page')) . '</a>';
    }
}
