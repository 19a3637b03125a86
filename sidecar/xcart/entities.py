"""The X-Cart table and primary key of each kind of item a 1C Ид stands for: the Id map joins
them to drop mappings whose row an admin deleted, and order lines are checked against them."""

# kind -> (X-Cart table without the prefix, its primary key)
TARGETS = {
    "category": ("categories", "category_id"),
    "product": ("products", "product_id"),
    "attribute": ("attributes", "id"),
    "option": ("attribute_options", "id"),
    "variant": ("product_variants", "id"),
    "variant_attribute": ("attributes", "id"),
    "variant_value": ("attribute_values_select", "id"),
}
