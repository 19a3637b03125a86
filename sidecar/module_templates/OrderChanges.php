<?php
// {{header}}

namespace {{namespace}}\Core;

/**
 * Applies the order changes 1C sent, which the sidecar records in its table
 * xc1c_<table prefix>order_changes, through X-Cart's own order model, the way the admin's order
 * page saves an order (XLite\Controller\Admin\Order::doActionUpdate): item edits move stock and
 * sales counters, a status set on the order runs its lifecycle (history, status handlers, stock
 * by the status properties, sales, the shop's e-mails). A change says what the order should be,
 * so applying it again changes nothing; each is locked while it is applied, so the sidecar's
 * call and X-Cart's cron never apply one twice.
 */
class OrderChanges
{
    const TRIES = 5;

    /**
     * Apply the waiting changes, oldest first.
     *
     * @return array {"applied": [ids], "failed": [ids]}
     */
    public static function drain($limit = 200)
    {
        $db = \XLite\Core\Database::getEM()->getConnection();
        $table = static::table();
        $ids = $db->fetchAll(
            "SELECT id FROM $table WHERE state = 'waiting' ORDER BY id LIMIT " . (int) $limit
        );
        $out = ['applied' => [], 'failed' => []];
        foreach ($ids as $row) {
            $id = (int) $row['id'];
            if (!\XLite\Core\Database::getEM()->isOpen()) {
                break; // a failed flush closes Doctrine's entity manager: the rest wait
            }
            $db->beginTransaction();
            try {
                $change = $db->fetchAssoc("SELECT * FROM $table WHERE id = ? FOR UPDATE", [$id]);
                if (!$change || $change['state'] !== 'waiting') {
                    $db->commit();
                    continue;
                }
                $result = static::apply(json_decode($change['payload'], true));
                $db->executeUpdate(
                    "UPDATE $table SET state = 'applied', applied_by = 'xcart', error = '',"
                    . " result = ?, attempts = attempts + 1, updated = ? WHERE id = ?",
                    [json_encode($result), time(), $id]
                );
                $db->commit();
                $out['applied'][] = $id;
            } catch (\Exception $e) {
                if ($db->isTransactionActive()) {
                    $db->rollBack();
                }
                // what the failed change did to entities in memory must not ride on the next flush
                \XLite\Core\Database::getEM()->clear();
                $db->executeUpdate(
                    "UPDATE $table SET attempts = attempts + 1, error = ?, updated = ?,"
                    . " state = IF(attempts >= ?, 'failed', 'waiting') WHERE id = ?",
                    [substr($e->getMessage(), 0, 1000), time(), static::TRIES, $id]
                );
                \XLite\Logger::getInstance()->log('xc1c: order change ' . $id . ': ' . $e->getMessage(), LOG_ERR);
                $out['failed'][] = $id;
            }
        }

        return $out;
    }

    /**
     * The sidecar's queue (its own tables start with xc1c_ and X-Cart's table prefix).
     *
     * @return string
     */
    public static function table()
    {
        return '`xc1c_' . \XLite\Core\Database::getInstance()->getTablePrefix() . 'order_changes`';
    }

    /**
     * Whether a request carries the secret of the module's settings (an empty one opens nothing).
     *
     * @param string $given
     *
     * @return boolean
     */
    public static function authorized($given)
    {
        $row = \XLite\Core\Database::getRepo('XLite\Model\Config')->findOneBy(
            ['category' => '{{category}}', 'name' => 'xcart_secret']
        );
        $secret = $row ? (string) $row->getValue() : '';

        return $secret !== '' && is_string($given) && hash_equals($secret, $given);
    }

    /**
     * @param array $change What the sidecar recorded (sidecar/orders/changes.py, Change)
     *
     * @return array What changed
     */
    protected static function apply(array $change)
    {
        $em = \XLite\Core\Database::getEM();
        /** @var \XLite\Model\Order $order */
        $order = \XLite\Core\Database::getRepo('XLite\Model\Order')->find((int) $change['order_id']);
        if (!$order || !$order->getOrderNumber()) {
            throw new \RuntimeException('the shop has no order ' . $change['order_id']);
        }
        $history = \XLite\Core\OrderHistory::getInstance();
        $ignoreCustomer = empty($change['notify_customer']);
        $order->setIgnoreCustomerNotifications($ignoreCustomer);
        $result = ['changed' => false, 'statuses' => [], 'items' => []];

        $detailsChanged = false;
        foreach ($change['details'] as list($name, $label, $value)) {
            $detail = $order->getDetail($name);
            if (!$detail || (string) $detail->getValue() !== (string) $value) {
                $order->setDetail($name, $value, $label);
                $detailsChanged = true;
            }
        }
        if ($detailsChanged && !empty($change['document'])) {
            $history->registerEvent(
                $order->getOrderId(),
                \XLite\Core\OrderHistory::CODE_ORDER_EDITED,
                '1C document {{number}} of {{date}}',
                ['number' => $change['document'][0], 'date' => $change['document'][1]]
            );
        }

        // The admin's order page edits items with notifications held back, then sets statuses.
        $wasSent = $order->setIsNotificationSent(true);
        $edits = static::applyItems($order, $change);
        $order->setIsNotificationSent($wasSent);
        $result['items'] = $edits;

        foreach (['payment', 'shipping'] as $kind) {
            $code = isset($change[$kind]) ? $change[$kind] : null;
            $getter = 'get' . ucfirst($kind) . 'StatusCode';
            if (!$code || $order->$getter() === $code) {
                continue;
            }
            $status = \XLite\Core\Database::getRepo('XLite\Model\Order\Status\\' . ucfirst($kind))
                ->findOneByCode($code);
            if (!$status) {
                throw new \RuntimeException("X-Cart has no $kind status $code");
            }
            $setter = 'set' . ucfirst($kind) . 'Status';
            $order->$setter($status);
            $result['statuses'][$kind] = $code;
        }

        // Flushing runs the order's lifecycle for a new status (Order::checkStatuses).
        $em->flush();

        if ($edits) {
            $history->registerGlobalOrderChanges($order->getOrderId(), $edits);
            if (!$order->isNotificationSent()) {
                \XLite\Core\Mailer::sendOrderChanged($order, $ignoreCustomer);
            }
            $em->flush();
        }
        $result['changed'] = $detailsChanged || $edits || $result['statuses'];

        return $result;
    }

    /**
     * Items, quantities, prices and delivery cost as 1C lists them. Stock moves as the admin's
     * item edits move it (unless the order's statuses have its stock back already), and sales
     * counters follow the quantities.
     *
     * @return array Changes in the shape of the admin's "order edited" history event
     */
    protected static function applyItems(\XLite\Model\Order $order, array $change)
    {
        $edits = [];
        $currency = $order->getCurrency();
        $moveStock = static::stockIsTaken($order);
        if (is_array($change['items'])) {
            $wanted = [];
            foreach ($change['items'] as $line) {
                if ($line['item_id']) {
                    $wanted[(int) $line['item_id']] = $line;
                }
            }
            foreach ($order->getItems()->toArray() as $item) {
                $id = (int) $item->getItemId();
                $old = sprintf('%d x %s', $item->getAmount(), $currency->formatValue($item->getPrice()));
                if (!isset($wanted[$id])) {
                    static::move($item, $item->getAmount(), $moveStock);
                    $edits['Removed items'][$item->getName()] = ['old' => $old, 'new' => null];
                    $order->getItems()->removeElement($item);
                    \XLite\Core\Database::getEM()->remove($item);
                    continue;
                }
                $line = $wanted[$id];
                $amount = (int) $line['amount'];
                $price = (float) $line['price'];
                if ($amount === (int) $item->getAmount() && abs($price - $item->getPrice()) < 0.00005) {
                    continue;
                }
                static::move($item, $item->getAmount() - $amount, $moveStock);
                $item->setAmount($amount);
                static::price($item, $price);
                $edits['Changed items'][$item->getName()] = [
                    'old' => $old,
                    'new' => sprintf('%d x %s', $amount, $currency->formatValue($price)),
                ];
            }
            foreach ($change['items'] as $line) {
                if ($line['item_id']) {
                    continue;
                }
                $product = \XLite\Core\Database::getRepo('XLite\Model\Product')->find((int) $line['product_id']);
                if (!$product) {
                    throw new \RuntimeException('the shop has no product ' . $line['product_id']);
                }
                $item = new \XLite\Model\OrderItem();
                $item->setOrder($order);
                $item->setObject($product);
                if ($line['variant_id'] && method_exists($item, 'setVariant')) {
                    $variant = \XLite\Core\Database::getRepo('XLite\Module\XC\ProductVariants\Model\ProductVariant')
                        ->find((int) $line['variant_id']);
                    $item->setVariant($variant);
                }
                $item->setName($line['name'] !== '' ? $line['name'] : $product->getName());
                $item->setAmount((int) $line['amount']);
                static::price($item, (float) $line['price']);
                $order->addItems($item);
                \XLite\Core\Database::getEM()->persist($item);
                static::move($item, -(int) $line['amount'], $moveStock);
                $edits['Added items'][$item->getName()] = [
                    'old' => null,
                    'new' => sprintf('%d x %s', $item->getAmount(), $currency->formatValue($item->getPrice())),
                ];
            }
        }
        if (isset($change['shipping_cost']) && $change['shipping_cost'] !== null) {
            foreach ($order->getSurchargesByType(\XLite\Model\Base\Surcharge::TYPE_SHIPPING) as $surcharge) {
                if ($surcharge->getAvailable() && abs($surcharge->getValue() - (float) $change['shipping_cost']) >= 0.00005) {
                    $edits['Shipping cost']['1C'] = [
                        'old' => $currency->formatValue($surcharge->getValue()),
                        'new' => $currency->formatValue((float) $change['shipping_cost']),
                    ];
                    $surcharge->setValue((float) $change['shipping_cost']);
                }
            }
        }
        if ($edits) {
            static::totals($order);
        }

        return $edits;
    }

    /**
     * Stock goes back (delta > 0) or is taken (delta < 0) as the admin's item edit does it; the
     * product sells the opposite.
     */
    protected static function move(\XLite\Model\OrderItem $item, $delta, $moveStock)
    {
        if ($delta === 0) {
            return;
        }
        if ($moveStock) {
            $item->changeAmount($delta);
        }
        $product = $item->getObject();
        if ($product) {
            $product->setSales(max(0, $product->getSales() - $delta));
        }
    }

    /**
     * The admin's item edit moves stock unless the order's status pair has returned it
     * (XLite\View\ItemsList\Model\OrderItem::isNeedUpdateStock).
     */
    protected static function stockIsTaken(\XLite\Model\Order $order)
    {
        $property = \XLite\Core\Database::getRepo('XLite\Model\Order\Status\Property')->findOneBy([
            'paymentStatus'  => $order->getPaymentStatus(),
            'shippingStatus' => $order->getShippingStatus(),
        ]);

        return !($property ? $property->getIncStock() : false);
    }

    protected static function price(\XLite\Model\OrderItem $item, $price)
    {
        $item->setPrice($price);
        $item->setItemNetPrice($price);
        $total = $price * $item->getAmount();
        $item->setSubtotal($total);
        $item->setDiscountedSubtotal($total);
        $item->setTotal($total);
    }

    /**
     * Subtotal: the items' totals; total: the subtotal and the surcharges counted in it.
     */
    protected static function totals(\XLite\Model\Order $order)
    {
        $subtotal = 0;
        foreach ($order->getItems() as $item) {
            $subtotal += $item->getTotal();
        }
        $total = $subtotal;
        foreach ($order->getSurcharges() as $surcharge) {
            if ($surcharge->getAvailable() && !$surcharge->getInclude()) {
                $total += $surcharge->getValue();
            }
        }
        $order->setSubtotal($subtotal);
        $order->setTotal(max(0, $total));
    }
}
