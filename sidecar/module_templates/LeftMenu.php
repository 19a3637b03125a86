<?php
// {{header}}

namespace {{namespace}}\View\Menu\Admin;
{{use}}
/**
 * Orders → 1C integration, next to Accounting: the exchange's page (5.4), whose first line
 * links to the module's settings; the settings page itself (5.5).
{{class LeftMenu extends \XLite\View\Menu\Admin\LeftMenu}}
{
    protected function defineItems()
    {
        $items = parent::defineItems();

        if (isset($items['sales'])) {
            $items['sales'][static::ITEM_CHILDREN]['xc1c_exchange'] = [
                static::ITEM_TITLE      => static::t('Xc1c: 1C integration'),
                static::ITEM_TARGET     => '{{menu_target}}',
                static::ITEM_EXTRA      => {{menu_extra}},
                static::ITEM_PERMISSION => 'manage orders',
                static::ITEM_WEIGHT     => 310,
            ];
        }

        return $items;
    }
}
