<?php
/**
 * Reads orders through X-Cart's own ORM: statuses, total, items, history event codes and the
 * stock and sales counters of the ordered products, as X-Cart's admin shows them after 1C's
 * changes.
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
    $stock = [];
    foreach ($order->getItems() as $item) {
        if ($item->getObject()) {
            $product = $item->getObject();
            $stock[$product->getProductId()] = [(int) $product->getAmount(), (int) $product->getSales()];
        }
    }
    $details = [];
    foreach ($order->getDetails() as $detail) {
        $details[$detail->getName()] = $detail->getValue();
    }
    echo json_encode([
        'order_id' => (int) $id,
        'number'   => (string) $order->getOrderNumber(),
        'total'    => (float) $order->getTotal(),
        'subtotal' => (float) $order->getSubtotal(),
        'shipping_cost' => (float) $order->getSurchargeSumByType('shipping'),
        'currency' => $order->getCurrency() ? $order->getCurrency()->getCode() : null,
        'payment'  => $order->getPaymentStatusCode(),
        'shipping' => $order->getShippingStatusCode(),
        'items'    => $items,
        'history'  => $events,
        'details'  => $details,
        'stock'    => $stock, // product id => [in stock, sold]
    ], JSON_UNESCAPED_UNICODE), "\n";
}
