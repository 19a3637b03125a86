<?php
/**
 * Reads products through X-Cart's own ORM, as the storefront sees them (customer zone): what
 * the sidecar wrote must load, price and sell the way X-Cart's own admin would have made it.
 * Usage: node xc.mjs cli product.php PRODUCT_ID...   (prints one JSON object per line)
 */
define('LC_DO_NOT_REBUILD_CACHE', true);
require getenv('XC_ROOT') . '/top.inc.php';

$repo = \XLite\Core\Database::getRepo('XLite\Model\Product');
foreach (array_slice($argv, 1) as $id) {
    $product = $repo->find((int) $id);
    if (!$product) {
        echo json_encode(['product_id' => (int) $id, 'found' => false]), "\n";
        continue;
    }
    $categories = [];
    foreach ($product->getCategories() as $category) {
        $categories[] = $category->getName();
    }
    echo json_encode([
        'product_id'  => (int) $id,
        'found'       => true,
        'name'        => $product->getName(),
        'price'       => (float) $product->getPrice(),
        'enabled'     => (bool) $product->getEnabled(),
        'purchasable' => (bool) $product->isPublicAvailable(),
        'images'      => count($product->getImages()),
        'categories'  => $categories,
        'clean_url'   => $product->getCleanURL(),
    ], JSON_UNESCAPED_UNICODE), "\n";
}
