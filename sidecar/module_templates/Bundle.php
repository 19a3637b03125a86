<?php
// {{header}}

namespace {{namespace}};

use Symfony\Component\HttpKernel\Bundle\Bundle;

/**
 * The module's (empty) Symfony bundle, which X-Cart 5.5 expects of every module.
 */
class ExchangeBundle extends Bundle
{
}
