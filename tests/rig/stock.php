<?php
/**
 * Reads products' SKU, stock and reviews, and how many categories and products carry each
 * name, through X-Cart's own ORM: a catalog linked to 1C must keep its products (with their
 * reviews) and categories, not double them.
 * Usage: node xc.mjs cli stock.php PRODUCT_ID...   (one JSON object per product, then one
 * {"categories": {name: count}, "products": {name: count}})
 */
define('LC_DO_NOT_REBUILD_CACHE', true);
require getenv('XC_ROOT') . '/top.inc.php';

$repo = \XLite\Core\Database::getRepo('XLite\Model\Product');
foreach (array_slice($argv, 1) as $id) {
    $product = $repo->find((int) $id);
    echo json_encode($product ? [
        'product_id' => (int) $id,
        'sku'        => $product->getSku(),
        'amount'     => (int) $product->getAmount(),
        // XC\Reviews adds the product's reviews; null in a shop without the module
        'reviews'    => method_exists($product, 'getReviews') ? count($product->getReviews()) : null,
    ] : ['product_id' => (int) $id, 'found' => false], JSON_UNESCAPED_UNICODE), "\n";
}
$names = [];
foreach (\XLite\Core\Database::getRepo('XLite\Model\Category')->findAll() as $category) {
    $name = (string) $category->getName();
    $names[$name] = ($names[$name] ?? 0) + 1;
}
$products = [];
foreach ($repo->findAll() as $product) {
    $name = (string) $product->getName();
    $products[$name] = ($products[$name] ?? 0) + 1;
}
echo json_encode(['categories' => $names, 'products' => $products], JSON_UNESCAPED_UNICODE), "\n";
