<?php
// {{header}}

namespace {{namespace}}\View\Menu\Admin;
{{use}}
/**
 * Orders → 1C integration: opens the module's settings page, next to Accounting.
{{class LeftMenu extends \XLite\View\Menu\Admin\LeftMenu}}
{
    protected function defineItems()
    {
        $items = parent::defineItems();

        if (isset($items['sales'])) {
            $items['sales'][static::ITEM_CHILDREN]['xc1c_exchange'] = [
                static::ITEM_TITLE      => static::t('Xc1c: 1C integration'),
                static::ITEM_TARGET     => 'module',
                static::ITEM_EXTRA      => ['moduleId' => '{{module_id}}'],
                static::ITEM_PERMISSION => 'manage orders',
                static::ITEM_WEIGHT     => 310,
            ];
        }

        return $items;
    }
}
