<?php
/**
 * Reads orders through X-Cart's own ORM: statuses, total, items and history event codes, as
 * X-Cart's admin order page would show them after 1C's changes.
 * Usage: node xc.mjs cli orders.php ORDER_ID...   (prints one JSON object per line)
 */
define('LC_DO_NOT_REBUILD_CACHE', true);
require getenv('XC_ROOT') . '/top.inc.php';

$repo = \XLite\Core\Database::getRepo('XLite\Model\Order');
$history = \XLite\Core\Database::getRepo('XLite\Model\OrderHistoryEvents');
foreach (array_slice($argv, 1) as $id) {
    $order = $repo->find((int) $id);
    $items = [];
    foreach ($order->getItems() as $item) {
        $items[] = [
            'product_id' => $item->getObject() ? (int) $item->getObject()->getProductId() : null,
            'name'       => $item->getName(),
            'amount'     => (int) $item->getAmount(),
        ];
    }
    $events = [];
    foreach ($history->findBy(['order' => $order], ['date' => 'ASC', 'event_id' => 'ASC']) as $event) {
        $events[] = $event->getCode();
    }
    $details = [];
    foreach ($order->getDetails() as $detail) {
        $details[$detail->getName()] = $detail->getValue();
    }
    echo json_encode([
        'order_id' => (int) $id,
        'number'   => (string) $order->getOrderNumber(),
        'total'    => (float) $order->getTotal(),
        'currency' => $order->getCurrency() ? $order->getCurrency()->getCode() : null,
        'payment'  => $order->getPaymentStatusCode(),
        'shipping' => $order->getShippingStatusCode(),
        'items'    => $items,
        'history'  => $events,
        'details'  => $details,
    ], JSON_UNESCAPED_UNICODE), "\n";
}
