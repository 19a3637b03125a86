<?php
// {{header}}

namespace {{namespace}}\Controller\Admin;

/**
 * admin.php?target=xc1c_exchange: Orders → 1C integration, the exchange with 1C as the sidecar
 * records it (View\Exchange). Open to the administrators who may manage orders, with X-Cart's
 * own login: what 1C changed in the shop's orders and catalog is theirs to watch.
 */
class Xc1cExchange extends \XLite\Controller\Admin\AAdmin
{
    public function checkACL()
    {
        return parent::checkACL()
            || \XLite\Core\Auth::getInstance()->isPermissionAllowed('manage orders');
    }

    public function getTitle()
    {
        return static::t('Xc1c: 1C integration');
    }
}
