<?php
// {{header}}

namespace {{namespace}}\Controller\Admin;

use {{namespace}}\Core\OrderChanges;

/**
 * admin.php?target=xc1c_order_changes&action=apply: the sidecar asks X-Cart to apply the order
 * changes 1C sent (Core\OrderChanges) right after recording them, so customers hear of them at
 * once rather than at the next cron run. Reachable without an admin login only with the
 * module's secret (setting xcart_secret, posted as xc1c_secret); answers JSON.
 */
class Xc1cOrderChanges extends \XLite\Controller\Admin\AAdmin
{
    public static function defineFreeFormIdActions()
    {
        return array_merge(parent::defineFreeFormIdActions(), ['apply']);
    }

    protected function isPublicZone()
    {
        return OrderChanges::authorized(\XLite\Core\Request::getInstance()->xc1c_secret);
    }

    public function checkACL()
    {
        return $this->isPublicZone();
    }

    protected function doActionApply()
    {
        $this->setSuppressOutput(true);
        $this->silent = true;
        $this->displayJSON(['xc1c' => '{{module_version}}'] + OrderChanges::drain());
    }

    protected function doNoAction()
    {
        $this->setSuppressOutput(true);
        $this->silent = true;
        $this->displayJSON(['xc1c' => '{{module_version}}']);
    }
}
