<?php
// {{header}}

namespace {{namespace}}\Core\Task;

use {{namespace}}\Core\OrderChanges;

/**
 * X-Cart's cron applies the order changes 1C sent that the sidecar could not hand over at once
 * (X-Cart did not answer it), so nothing waits for 1C's next exchange.
 */
class ApplyOrderChanges extends \XLite\Core\Task\Base\Periodic
{
    public function getTitle()
    {
        return 'Apply order changes from 1C';
    }

    protected function getPeriod()
    {
        return static::INT_1_MIN;
    }

    protected function runStep()
    {
        OrderChanges::drain();
    }
}
