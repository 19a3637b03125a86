<?php
// {{header}}

/**
 * Upgrade hook: X-Cart loads install.yaml only when a module is first enabled, so a shop that
 * upgrades keeps the settings rows of the version it came from. This brings them to this
 * version's declaration, keeping every value the admin saved: new settings appear with their
 * defaults, field types, labels and help texts follow (the secrets' PasswordWithValue, which
 * keeps a password the admin does not retype, replaced Input\Password in 5.4.020; the cron task
 * that applies 1C's order changes came in 5.4.030).
 */
return function () {
{{upgrade_body}}};
