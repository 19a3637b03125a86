<?php
// {{header}}

namespace {{namespace}}\View;

/**
 * The body of Orders → 1C integration. X-Cart asks the sidecar (setting sidecar_url) for the
 * same facts its own status page shows (/status.json, and an exchange's log), proving itself with
 * the key both already share (setting xcart_secret), so the figures are the sidecar's own and
 * never worked out twice. The sidecar not answering is said on the page.
 *
 * @ListChild (list="admin.center", zone="admin")
 */
class Exchange extends \XLite\View\AView
{
    /** @var array|false|null the sidecar's answer, once asked */
    protected $status;

    public static function getAllowedTargets()
    {
        return array_merge(parent::getAllowedTargets(), ['xc1c_exchange']);
    }

    public function getCSSFiles()
    {
        return array_merge(parent::getCSSFiles(), ['modules/{{module_path}}/exchange/style.css']);
    }

    protected function getDefaultTemplate()
    {
        return 'modules/{{module_path}}/exchange/body.twig';
    }

    protected function getConfig()
    {
        return \XLite\Core\Config::getInstance()->{{config_path}};
    }

    public function getSidecarURL()
    {
        return rtrim((string) $this->getConfig()->sidecar_url, '/');
    }

    /**
     * The key between the sidecar and X-Cart; made here when empty, as the sidecar does: both
     * read it from this shop's settings, so nobody has to type it.
     */
    protected function getSecret()
    {
        $secret = (string) $this->getConfig()->xcart_secret;
        if ($secret === '') {
            $secret = rtrim(strtr(base64_encode(random_bytes(32)), '+/', '-_'), '=');
            \XLite\Core\Database::getRepo('XLite\Model\Config')->createOption([
                'category' => '{{category}}',
                'name'     => 'xcart_secret',
                'value'    => $secret,
            ]);
        }

        return $secret;
    }

    /**
     * One GET to the sidecar with the shared key, in the admin's language; null when it does
     * not answer 200.
     */
    protected function ask($path)
    {
        if ($this->getSidecarURL() === '') {
            return null;
        }
        $language = \XLite\Core\Session::getInstance()->getLanguage()->getCode();
        $context = stream_context_create(['http' => [
            'timeout' => 10,
            'header'  => "X-Xc1c-Secret: {$this->getSecret()}\r\nAccept-Language: {$language}\r\n",
        ]]);
        $answer = @file_get_contents($this->getSidecarURL() . $path, false, $context);

        return is_string($answer) ? $answer : null;
    }

    public function getStatus()
    {
        if ($this->status === null) {
            $answer = $this->ask('/status.json');
            $this->status = $answer === null ? false : (json_decode($answer, true) ?: false);
        }

        return $this->status ?: null;
    }

    public function getExchanges()
    {
        return $this->getStatus()['exchanges'] ?? [];
    }

    /** "created 3, updated 2": the counts of an exchange that are not zero */
    public function getSummary(array $exchange)
    {
        $parts = [];
        foreach ($exchange['summary'] ?? [] as $what => $count) {
            if ($count) {
                $parts[] = $what . ' ' . $count;
            }
        }

        return implode(', ', $parts);
    }

    /** The warnings of an exchange's files: what failed in it */
    public function getFailures(array $exchange)
    {
        $out = [];
        foreach ($exchange['files'] ?? [] as $file) {
            foreach ($file['warnings'] ?? [] as $warning) {
                $out[] = $file['name'] . ': ' . $warning;
            }
        }

        return $out;
    }

    /** The exchange whose log the admin opened (?exchange=ID), with its log */
    public function getOpenedExchange()
    {
        $id = (int) \XLite\Core\Request::getInstance()->exchange;
        if ($id <= 0) {
            return null;
        }
        $log = $this->ask('/status/exchanges/' . $id . '/log');

        return $log === null ? null : ['id' => $id, 'log' => $log];
    }

    public function getLogURL(array $exchange)
    {
        return $this->buildURL('xc1c_exchange', '', ['exchange' => $exchange['id']]);
    }

    public function getSettingsURL()
    {
        return $this->buildURL('module', '', ['moduleId' => '{{module_id}}']);
    }

    /** first_exchange_dry_run is on: the page shows what the first exchange would change */
    public function isDryRunOn()
    {
        return in_array((string) $this->getConfig()->first_exchange_dry_run, ['Y', '1', 'on', 'true'], true);
    }

    /** The newest dry run with its analysis: what the first exchange would change */
    public function getAnalysis()
    {
        foreach ($this->getExchanges() as $exchange) {
            if (!empty($exchange['dry_run']) && !empty($exchange['analysis_lines'])) {
                return $exchange;
            }
        }

        return null;
    }

    public function getUnpriced()
    {
        return $this->getStatus()['unpriced'] ?? [];
    }

    /** 1C's order changes not applied yet: waiting for X-Cart, or failed */
    public function getUnappliedChanges()
    {
        return $this->getStatus()['order_changes']['unapplied'] ?? [];
    }

    public function getChangeCounts()
    {
        return $this->getStatus()['order_changes']['counts'] ?? [];
    }

    public function getModules()
    {
        return $this->getStatus()['modules'] ?? [];
    }
}
