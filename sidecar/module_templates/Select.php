<?php
// {{header}}

namespace {{namespace}}\View\FormField\Select;

/**
 * The choices of the `{{setting}}` setting.
 */
class {{short}} extends \XLite\View\FormField\Select\Regular
{
    protected function getDefaultOptions()
    {
        return [
{{options}}
        ];
    }
}
