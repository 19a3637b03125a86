<?php
// {{header}}

namespace {{namespace}}\View;
{{use}}
/**
 * Orders → Accounting: the 1C tile opens this module's settings instead of the marketplace.
{{class Accounting extends \XLite\View\Accounting}}
{
    protected function getAvailableModules()
    {
        $modules = parent::getAvailableModules();
        foreach ($modules as $i => $module) {
            if (isset($module['link']['name']) && $module['link']['name'] === '1C integration') {
                $modules[$i]['link']['href'] = $this->buildURL('module', '', ['moduleId' => '{{module_id}}']);
            }
        }

        return $modules;
    }
}
