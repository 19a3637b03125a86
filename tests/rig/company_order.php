<?php
/**
 * An order of a company, made the way X-Cart's admin makes it: the company, ИНН and КПП
 * address fields added (Settings → Address fields), filled on the order's billing address,
 * a tracking number and a staff note on the order. All through X-Cart's ORM.
 * Usage: node xc.mjs cli company_order.php ORDER_ID COMPANY INN KPP TRACKING NOTE
 */
define('LC_DO_NOT_REBUILD_CACHE', true);
require getenv('XC_ROOT') . '/top.inc.php';

[, $orderId, $company, $inn, $kpp, $tracking, $note] = $argv;
$fields = \XLite\Core\Database::getRepo('XLite\Model\AddressField');
foreach (['company' => 'Company', 'inn' => 'ИНН', 'kpp' => 'КПП'] as $serviceName => $name) {
    if (!$fields->findOneBy(['serviceName' => $serviceName])) {
        $field = new \XLite\Model\AddressField();
        $field->map(['serviceName' => $serviceName, 'required' => false, 'position' => 500]);
        $field->setName($name);
        $fields->insert($field);
    }
}
$order = \XLite\Core\Database::getRepo('XLite\Model\Order')->find((int) $orderId);
$address = $order->getProfile()->getBillingAddress();
$address->setterProperty('company', $company);
$address->setterProperty('inn', $inn);
$address->setterProperty('kpp', $kpp);
$number = new \XLite\Model\OrderTrackingNumber();
$number->setValue($tracking);
$number->setOrder($order);
$order->addTrackingNumbers($number);
$order->setAdminNotes($note);
\XLite\Core\Database::getEM()->flush();
echo json_encode(['order_id' => (int) $orderId, 'billing_inn' => $address->getterProperty('inn')]), "\n";
