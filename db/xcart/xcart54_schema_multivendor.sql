-- X-Cart 5.4.1.23 core + 71 stock modules (xcart54_schema.sql) + XC\MultiVendor — table prefix xc_, utf8mb4 / utf8mb4_unicode_ci, InnoDB.
-- XC\MultiVendor's tables and columns derived from that module's Doctrine annotations (Model/*.php: the entities
-- Commission, Vendor, VendorTranslation, Image\Vendor, ProfileTransaction, and the decorated core models Order,
-- OrderItem, Order\Surcharge, OrderTrackingNumber, Product, Attribute, AttributeGroup, ProductClass, CleanURL, Config,
-- Profile, Shipping\Method, Coupons' Coupon, VolumeDiscounts' VolumeDiscount) with Doctrine's own identifier names.
-- No public 5.4/5.5 build of the module exists: the annotations are those of its 5.3.2 release,
-- Shofiul-Alam/Xcart@0b2d28045a7ee7ccaee4c886dc673b3f8492314a (classes/XLite/Module/XC/MultiVendor/); 5.4/5.5 modules
-- call the same model API on it. Loaded into MariaDB over xcart54_schema.sql and dumped with mariadb-dump --no-data.
SET FOREIGN_KEY_CHECKS=0;
CREATE TABLE `xc_access_control_cells` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `hash` varchar(255) DEFAULT NULL,
  `returnData` varchar(255) NOT NULL,
  `resendMethod` varchar(255) DEFAULT NULL,
  `date` int(11) NOT NULL,
  `resendDate` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `hash` (`hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_access_control_entities` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `type_id` int(10) unsigned DEFAULT NULL,
  `cell_id` int(10) unsigned DEFAULT NULL,
  `uid` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_73ECA5BAC54C8C93` (`type_id`),
  KEY `IDX_73ECA5BACB39D93A` (`cell_id`),
  CONSTRAINT `FK_73ECA5BAC54C8C93` FOREIGN KEY (`type_id`) REFERENCES `xc_access_control_entity_types` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_73ECA5BACB39D93A` FOREIGN KEY (`cell_id`) REFERENCES `xc_access_control_cells` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_access_control_entity_types` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `type` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `type` (`type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_access_control_zone_types` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_access_control_zones` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `cell_id` int(10) unsigned DEFAULT NULL,
  `type_id` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `cz` (`cell_id`,`type_id`),
  KEY `IDX_5515D76DCB39D93A` (`cell_id`),
  KEY `IDX_5515D76DC54C8C93` (`type_id`),
  CONSTRAINT `FK_5515D76DC54C8C93` FOREIGN KEY (`type_id`) REFERENCES `xc_access_control_zone_types` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_5515D76DCB39D93A` FOREIGN KEY (`cell_id`) REFERENCES `xc_access_control_cells` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_active_currencies` (
  `active_currency_id` int(11) NOT NULL AUTO_INCREMENT,
  `currency_id` int(10) unsigned DEFAULT NULL,
  `rate` decimal(14,4) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `position` int(11) NOT NULL,
  `rateDate` int(11) NOT NULL,
  PRIMARY KEY (`active_currency_id`),
  UNIQUE KEY `UNIQ_28CE575A38248176` (`currency_id`),
  KEY `position` (`position`),
  KEY `enabled` (`enabled`),
  CONSTRAINT `FK_28CE575A38248176` FOREIGN KEY (`currency_id`) REFERENCES `xc_currencies` (`currency_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_add2cart_popup_sources` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `code` varchar(3) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_address_field` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `serviceName` varchar(128) NOT NULL,
  `viewGetterName` varchar(128) NOT NULL,
  `schemaClass` varchar(256) NOT NULL,
  `additional` tinyint(1) NOT NULL,
  `required` tinyint(1) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_1364308912ABBB5` (`serviceName`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_address_field_translation` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_D1E418BDBF396750` (`id`),
  CONSTRAINT `FK_D1E418BDBF396750` FOREIGN KEY (`id`) REFERENCES `xc_address_field` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_address_field_value` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `address_field_id` int(11) DEFAULT NULL,
  `address_id` int(11) DEFAULT NULL,
  `value` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_B0CDD916BAB8F931` (`address_field_id`),
  KEY `IDX_B0CDD916F5B7AF75` (`address_id`),
  CONSTRAINT `FK_B0CDD916BAB8F931` FOREIGN KEY (`address_field_id`) REFERENCES `xc_address_field` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_B0CDD916F5B7AF75` FOREIGN KEY (`address_id`) REFERENCES `xc_profile_addresses` (`address_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_group_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_35A7AA92BF396750` FOREIGN KEY (`id`) REFERENCES `xc_attribute_groups` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_groups` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_class_id` int(10) unsigned DEFAULT NULL,
  `position` int(11) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_1488F3CD21B06187` (`product_class_id`),
  KEY `IDX_1488F3CDF603EE73` (`vendor_id`),
  CONSTRAINT `FK_1488F3CD21B06187` FOREIGN KEY (`product_class_id`) REFERENCES `xc_product_classes` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_1488F3CDF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_option_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_385AA392BF396750` FOREIGN KEY (`id`) REFERENCES `xc_attribute_options` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_options` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attribute_id` int(10) unsigned DEFAULT NULL,
  `addToNew` tinyint(1) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_6501D07CB6E62EFA` (`attribute_id`),
  CONSTRAINT `FK_6501D07CB6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_properties` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `attribute_id` int(10) unsigned DEFAULT NULL,
  `position` int(11) NOT NULL,
  `displayAbove` tinyint(1) NOT NULL DEFAULT 0,
  `displayMode` char(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_708D95DE4584665A` (`product_id`),
  KEY `IDX_708D95DEB6E62EFA` (`attribute_id`),
  CONSTRAINT `FK_708D95DE4584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_708D95DEB6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `unit` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_8C0CE320BF396750` FOREIGN KEY (`id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_checkbox` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `attribute_id` int(10) unsigned DEFAULT NULL,
  `value` tinyint(1) NOT NULL,
  `xpaymentsSubscriptionFeeModifier` decimal(14,4) NOT NULL DEFAULT 0.0000,
  `xpaymentsSubscriptionFeeModifierType` char(1) NOT NULL DEFAULT 'p',
  `priceModifier` decimal(14,4) NOT NULL,
  `priceModifierType` char(1) NOT NULL,
  `weightModifier` decimal(14,4) NOT NULL,
  `weightModifierType` char(1) NOT NULL,
  `defaultValue` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `product_id` (`product_id`),
  KEY `attribute_id` (`attribute_id`),
  KEY `value` (`value`),
  CONSTRAINT `FK_AE4807744584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_AE480774B6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_checkbox_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_4923857BBF396750` FOREIGN KEY (`id`) REFERENCES `xc_attribute_values_checkbox` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_hidden` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attribute_option_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `attribute_id` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `product_id` (`product_id`),
  KEY `attribute_id` (`attribute_id`),
  KEY `attribute_option_id` (`attribute_option_id`),
  CONSTRAINT `FK_7CED81351AE56DE9` FOREIGN KEY (`attribute_option_id`) REFERENCES `xc_attribute_options` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_7CED81354584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_7CED8135B6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_hidden_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_7D0C4E2BBF396750` FOREIGN KEY (`id`) REFERENCES `xc_attribute_values_hidden` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_select` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attribute_option_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `attribute_id` int(10) unsigned DEFAULT NULL,
  `position` int(11) NOT NULL,
  `xpaymentsSubscriptionFeeModifier` decimal(14,4) NOT NULL DEFAULT 0.0000,
  `xpaymentsSubscriptionFeeModifierType` char(1) NOT NULL DEFAULT 'p',
  `priceModifier` decimal(14,4) NOT NULL,
  `priceModifierType` char(1) NOT NULL,
  `weightModifier` decimal(14,4) NOT NULL,
  `weightModifierType` char(1) NOT NULL,
  `defaultValue` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `product_id` (`product_id`),
  KEY `attribute_id` (`attribute_id`),
  KEY `attribute_option_id` (`attribute_option_id`),
  CONSTRAINT `FK_BF4282481AE56DE9` FOREIGN KEY (`attribute_option_id`) REFERENCES `xc_attribute_options` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_BF4282484584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_BF428248B6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_select_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_6477B0DBF396750` FOREIGN KEY (`id`) REFERENCES `xc_attribute_values_select` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_text` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `attribute_id` int(10) unsigned DEFAULT NULL,
  `editable` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `product_id` (`product_id`),
  KEY `attribute_id` (`attribute_id`),
  CONSTRAINT `FK_8DFA71DE4584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_8DFA71DEB6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attribute_values_text_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `value` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_892D63ABF396750` FOREIGN KEY (`id`) REFERENCES `xc_attribute_values_text` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_attributes` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_class_id` int(10) unsigned DEFAULT NULL,
  `attribute_group_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `googleShoppingGroup` varchar(255) DEFAULT NULL,
  `position` int(11) NOT NULL,
  `displayAbove` tinyint(1) NOT NULL DEFAULT 0,
  `decimals` int(11) NOT NULL,
  `type` char(1) NOT NULL,
  `displayMode` char(1) NOT NULL,
  `addToNew` char(1) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_8918887721B06187` (`product_class_id`),
  KEY `IDX_8918887762D643B7` (`attribute_group_id`),
  KEY `IDX_891888774584665A` (`product_id`),
  KEY `IDX_89188877F603EE73` (`vendor_id`),
  CONSTRAINT `FK_8918887721B06187` FOREIGN KEY (`product_class_id`) REFERENCES `xc_product_classes` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_891888774584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_8918887762D643B7` FOREIGN KEY (`attribute_group_id`) REFERENCES `xc_attribute_groups` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_89188877F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_banner_rotation_image` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `banner_rotation_slide_id` int(10) unsigned DEFAULT NULL,
  `alt` varchar(255) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_66327B36217A8232` (`banner_rotation_slide_id`),
  CONSTRAINT `FK_66327B36217A8232` FOREIGN KEY (`banner_rotation_slide_id`) REFERENCES `xc_banner_rotation_slide` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_banner_rotation_slide` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `enabled` tinyint(1) NOT NULL,
  `link` varchar(255) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_capost_delivery_service_options` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `mandatory` tinyint(1) NOT NULL,
  `qualifierRequired` tinyint(1) NOT NULL,
  `qualifierMax` decimal(14,4) DEFAULT NULL,
  `serviceId` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_E1D3E9089697FA8` (`serviceId`),
  CONSTRAINT `FK_E1D3E9089697FA8` FOREIGN KEY (`serviceId`) REFERENCES `xc_capost_delivery_services` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_capost_delivery_services` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(32) NOT NULL,
  `countryCode` varchar(2) NOT NULL,
  `name` varchar(255) NOT NULL,
  `expiry` int(10) unsigned NOT NULL,
  `maxWeight` int(11) NOT NULL,
  `minWeight` int(11) NOT NULL,
  `maxLength` decimal(11,1) NOT NULL,
  `minLength` decimal(11,1) NOT NULL,
  `maxWidth` decimal(11,1) NOT NULL,
  `minWidth` decimal(11,1) NOT NULL,
  `maxHeight` decimal(11,1) NOT NULL,
  `minHeight` decimal(11,1) NOT NULL,
  `lengthPlusGirthMax` decimal(11,1) DEFAULT NULL,
  `lengthHeightWidthSumMax` decimal(11,1) DEFAULT NULL,
  `oversizeLimit` decimal(11,1) DEFAULT NULL,
  `densityFactor` int(11) DEFAULT NULL,
  `canShipInMailingTube` tinyint(1) NOT NULL,
  `canShipUnpackaged` tinyint(1) NOT NULL,
  `allowedAsReturnService` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `code_country` (`code`,`countryCode`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_capost_return_items` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `amount` int(10) unsigned NOT NULL,
  `returnId` int(10) unsigned DEFAULT NULL,
  `orderItemId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_D1E256161B43D59E` (`returnId`),
  KEY `IDX_D1E25616BBF22A26` (`orderItemId`),
  CONSTRAINT `FK_D1E256161B43D59E` FOREIGN KEY (`returnId`) REFERENCES `xc_capost_returns` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D1E25616BBF22A26` FOREIGN KEY (`orderItemId`) REFERENCES `xc_order_items` (`item_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_capost_return_link_storage` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  `linkId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_9EBD18D1AEC98E42` (`linkId`),
  CONSTRAINT `FK_9EBD18D1AEC98E42` FOREIGN KEY (`linkId`) REFERENCES `xc_capost_return_links` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_capost_return_links` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `rel` varchar(255) NOT NULL,
  `href` varchar(255) NOT NULL,
  `idx` int(11) DEFAULT NULL,
  `mediaType` varchar(255) NOT NULL,
  `returnId` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_E17E1E431B43D59E` (`returnId`),
  CONSTRAINT `FK_E17E1E431B43D59E` FOREIGN KEY (`returnId`) REFERENCES `xc_capost_returns` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_capost_returns` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `status` char(2) NOT NULL,
  `date` int(10) unsigned NOT NULL,
  `lastRenewDate` int(11) NOT NULL,
  `notes` longtext NOT NULL,
  `adminNotes` longtext NOT NULL,
  `trackingPin` varchar(16) DEFAULT NULL,
  `orderId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_6F21FA5AFA237437` (`orderId`),
  KEY `date` (`date`),
  KEY `status` (`status`),
  CONSTRAINT `FK_6F21FA5AFA237437` FOREIGN KEY (`orderId`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_categories` (
  `category_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned DEFAULT NULL,
  `demo` tinyint(1) NOT NULL,
  `csLastUpdate` int(11) NOT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `useCustomOG` tinyint(1) NOT NULL,
  `lpos` int(11) NOT NULL,
  `rpos` int(11) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `show_title` tinyint(1) NOT NULL,
  `depth` int(11) NOT NULL,
  `pos` int(11) NOT NULL,
  `root_category_look` varchar(32) DEFAULT NULL,
  `metaDescType` varchar(1) NOT NULL,
  `xcPendingExport` tinyint(1) NOT NULL,
  PRIMARY KEY (`category_id`),
  KEY `IDX_8270506F727ACA70` (`parent_id`),
  KEY `lpos` (`lpos`),
  KEY `rpos` (`rpos`),
  KEY `enabled` (`enabled`),
  KEY `csLastUpdate` (`csLastUpdate`),
  CONSTRAINT `FK_8270506F727ACA70` FOREIGN KEY (`parent_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_banners` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int(10) unsigned DEFAULT NULL,
  `alt` varchar(255) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_24D381F112469DE2` (`category_id`),
  CONSTRAINT `FK_24D381F112469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int(10) unsigned DEFAULT NULL,
  `alt` varchar(255) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_E7CA212B12469DE2` (`category_id`),
  CONSTRAINT `FK_E7CA212B12469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_membership_links` (
  `category_id` int(10) unsigned NOT NULL,
  `membership_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`category_id`,`membership_id`),
  KEY `IDX_3241229212469DE2` (`category_id`),
  KEY `IDX_324122921FB354CD` (`membership_id`),
  CONSTRAINT `FK_3241229212469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_324122921FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_products` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `orderby` int(11) NOT NULL,
  `orderbyInProduct` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `pair` (`category_id`,`product_id`),
  KEY `IDX_3A68AD1E12469DE2` (`category_id`),
  KEY `IDX_3A68AD1E4584665A` (`product_id`),
  KEY `orderby` (`orderby`),
  KEY `orderbyInProduct` (`orderbyInProduct`),
  CONSTRAINT `FK_3A68AD1E12469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_3A68AD1E4584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_quick_flags` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int(10) unsigned DEFAULT NULL,
  `subcategories_count_all` int(11) NOT NULL,
  `subcategories_count_enabled` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_1712172912469DE2` (`category_id`),
  CONSTRAINT `FK_1712172912469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_sale_discounts` (
  `sale_id` int(10) unsigned NOT NULL,
  `category_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`sale_id`,`category_id`),
  KEY `IDX_C62EA9884A7E4868` (`sale_id`),
  KEY `IDX_C62EA98812469DE2` (`category_id`),
  CONSTRAINT `FK_C62EA98812469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C62EA9884A7E4868` FOREIGN KEY (`sale_id`) REFERENCES `xc_sale_discounts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_category_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `metaTags` varchar(255) NOT NULL,
  `metaDesc` longtext NOT NULL,
  `metaTitle` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_4520ECA1BF396750` FOREIGN KEY (`id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_clean_urls` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `news_message_id` int(10) unsigned DEFAULT NULL,
  `page_id` int(10) unsigned DEFAULT NULL,
  `sale_discount_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `category_id` int(10) unsigned DEFAULT NULL,
  `cleanURL` varchar(255) DEFAULT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_ED2984B1BF05C450` (`news_message_id`),
  KEY `IDX_ED2984B1C4663E4` (`page_id`),
  KEY `IDX_ED2984B13D30B072` (`sale_discount_id`),
  KEY `IDX_ED2984B14584665A` (`product_id`),
  KEY `IDX_ED2984B112469DE2` (`category_id`),
  KEY `cleanURL` (`cleanURL`),
  KEY `IDX_ED2984B1F603EE73` (`vendor_id`),
  CONSTRAINT `FK_ED2984B112469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_ED2984B13D30B072` FOREIGN KEY (`sale_discount_id`) REFERENCES `xc_sale_discounts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_ED2984B14584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_ED2984B1BF05C450` FOREIGN KEY (`news_message_id`) REFERENCES `xc_news` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_ED2984B1C4663E4` FOREIGN KEY (`page_id`) REFERENCES `xc_pages` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_ED2984B1F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_commission` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `value` decimal(14,4) DEFAULT NULL,
  `status` char(1) NOT NULL,
  `auto` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_config` (
  `config_id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(32) NOT NULL,
  `category` varchar(64) NOT NULL,
  `type` varchar(128) NOT NULL,
  `orderby` int(11) NOT NULL,
  `value` longtext NOT NULL,
  `widgetParameters` longtext DEFAULT NULL COMMENT '(DC2Type:array)',
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`config_id`),
  UNIQUE KEY `nc` (`name`,`category`),
  KEY `orderby` (`orderby`),
  KEY `type` (`type`),
  KEY `IDX_43C3C5BAF603EE73` (`vendor_id`),
  CONSTRAINT `FK_43C3C5BAF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_config_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `option_name` varchar(255) NOT NULL,
  `option_comment` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_84614FE2BF396750` FOREIGN KEY (`id`) REFERENCES `xc_config` (`config_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_content_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_content_videos` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_conversation_members` (
  `conversation_id` int(10) unsigned NOT NULL,
  `profile_id` int(11) NOT NULL,
  PRIMARY KEY (`conversation_id`,`profile_id`),
  KEY `IDX_2DDE7F899AC0396` (`conversation_id`),
  KEY `IDX_2DDE7F89CCFA12B8` (`profile_id`),
  CONSTRAINT `FK_2DDE7F899AC0396` FOREIGN KEY (`conversation_id`) REFERENCES `xc_conversations` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_2DDE7F89CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_conversations` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_AF346A818D9F6D38` (`order_id`),
  CONSTRAINT `FK_AF346A818D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_countries` (
  `code` char(2) NOT NULL,
  `active_currency` int(11) DEFAULT NULL,
  `currency_id` int(10) unsigned DEFAULT NULL,
  `lng_id` int(11) DEFAULT NULL,
  `id` int(11) NOT NULL,
  `code3` char(3) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`code`),
  KEY `IDX_63D5E39A38248176` (`currency_id`),
  KEY `IDX_63D5E39AD7077436` (`lng_id`),
  KEY `enabled` (`enabled`),
  KEY `active_currency` (`active_currency`),
  CONSTRAINT `FK_63D5E39A38248176` FOREIGN KEY (`currency_id`) REFERENCES `xc_currencies` (`currency_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_63D5E39A93DAF9E0` FOREIGN KEY (`active_currency`) REFERENCES `xc_active_currencies` (`active_currency_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_63D5E39AD7077436` FOREIGN KEY (`lng_id`) REFERENCES `xc_languages` (`lng_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_country_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` char(2) DEFAULT NULL,
  `country` varchar(64) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `country` (`country`),
  KEY `id` (`id`),
  CONSTRAINT `FK_393CF5E9BF396750` FOREIGN KEY (`id`) REFERENCES `xc_countries` (`code`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_coupon_categories` (
  `coupon_id` int(10) unsigned NOT NULL,
  `category_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`coupon_id`,`category_id`),
  KEY `IDX_65F8045666C5951B` (`coupon_id`),
  KEY `IDX_65F8045612469DE2` (`category_id`),
  CONSTRAINT `FK_65F8045612469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_65F8045666C5951B` FOREIGN KEY (`coupon_id`) REFERENCES `xc_coupons` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_coupon_products` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `coupon_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `pair` (`coupon_id`,`product_id`),
  KEY `IDX_A204515266C5951B` (`coupon_id`),
  KEY `IDX_A20451524584665A` (`product_id`),
  CONSTRAINT `FK_A20451524584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_A204515266C5951B` FOREIGN KEY (`coupon_id`) REFERENCES `xc_coupons` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_coupons` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `code` char(16) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `type` char(1) NOT NULL,
  `comment` varchar(64) NOT NULL,
  `uses` int(10) unsigned NOT NULL,
  `dateRangeBegin` int(10) unsigned NOT NULL,
  `dateRangeEnd` int(10) unsigned NOT NULL,
  `totalRangeBegin` decimal(14,4) NOT NULL,
  `totalRangeEnd` decimal(14,4) NOT NULL,
  `usesLimit` int(10) unsigned NOT NULL,
  `usesLimitPerUser` int(10) unsigned NOT NULL,
  `singleUse` tinyint(1) NOT NULL,
  `specificProducts` tinyint(1) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ce` (`code`,`enabled`),
  KEY `IDX_87F43F77F603EE73` (`vendor_id`),
  CONSTRAINT `FK_87F43F77F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_currencies` (
  `currency_id` int(10) unsigned NOT NULL,
  `code` char(3) NOT NULL,
  `symbol` varchar(16) NOT NULL,
  `prefix` varchar(32) NOT NULL,
  `suffix` varchar(32) NOT NULL,
  `e` smallint(6) NOT NULL,
  `decimalDelimiter` varchar(8) NOT NULL,
  `thousandDelimiter` varchar(8) NOT NULL,
  `roundUp` varchar(255) NOT NULL DEFAULT 'N',
  PRIMARY KEY (`currency_id`),
  UNIQUE KEY `UNIQ_8F47509477153098` (`code`),
  KEY `code` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_currency_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_3E97B443BF396750` FOREIGN KEY (`id`) REFERENCES `xc_currencies` (`currency_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_custom_global_tab_translation` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `brief_info` longtext NOT NULL,
  `content` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_A054B72DBF396750` (`id`),
  CONSTRAINT `FK_A054B72DBF396750` FOREIGN KEY (`id`) REFERENCES `xc_custom_global_tabs` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_custom_global_tabs` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `global_tab_id` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_93F8608B629D8673` (`global_tab_id`),
  CONSTRAINT `FK_93F8608B629D8673` FOREIGN KEY (`global_tab_id`) REFERENCES `xc_global_product_tabs` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_customer_attachments_storage` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `item_id` int(11) DEFAULT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_15532EE8126F525E` (`item_id`),
  CONSTRAINT `FK_15532EE8126F525E` FOREIGN KEY (`item_id`) REFERENCES `xc_order_items` (`item_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_data_source_parameters` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `data_source_id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_6A27A5A11A935C57` (`data_source_id`),
  CONSTRAINT `FK_6A27A5A11A935C57` FOREIGN KEY (`data_source_id`) REFERENCES `xc_data_sources` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_data_sources` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `type` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_entity_type_versions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `entityType` varchar(255) NOT NULL,
  `version` char(36) NOT NULL COMMENT '(DC2Type:guid)',
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_6A0685E1F08814A` (`entityType`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_event_tasks` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(128) NOT NULL,
  `arguments` longtext NOT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_featured_products` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `category_id` int(10) unsigned DEFAULT NULL,
  `orderBy` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `pair` (`category_id`,`product_id`),
  KEY `IDX_85DED5584584665A` (`product_id`),
  KEY `IDX_85DED55812469DE2` (`category_id`),
  CONSTRAINT `FK_85DED55812469DE2` FOREIGN KEY (`category_id`) REFERENCES `xc_categories` (`category_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_85DED5584584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_form_ids` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `session_id` int(11) DEFAULT NULL,
  `form_id` varchar(32) NOT NULL,
  `date` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `fs` (`form_id`,`session_id`),
  KEY `session_id` (`session_id`),
  CONSTRAINT `FK_E89AD8F6613FECDF` FOREIGN KEY (`session_id`) REFERENCES `xc_sessions` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_global_product_tab_provider` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `tab_id` int(10) unsigned DEFAULT NULL,
  `code` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_D3CEA2BD8D0C9323` (`tab_id`),
  CONSTRAINT `FK_D3CEA2BD8D0C9323` FOREIGN KEY (`tab_id`) REFERENCES `xc_global_product_tabs` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_global_product_tabs` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `enabled` tinyint(1) NOT NULL,
  `link` varchar(255) DEFAULT NULL,
  `position` int(11) NOT NULL,
  `service_name` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `service_name` (`service_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_iframe_contents` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `url` varchar(255) NOT NULL,
  `method` varchar(16) NOT NULL,
  `data` longtext NOT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_images_settings` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `code` varchar(64) NOT NULL,
  `model` varchar(200) NOT NULL,
  `moduleName` varchar(200) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `code_model_module` (`code`,`model`,`moduleName`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_import_logs` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `date` int(11) NOT NULL,
  `type` char(1) NOT NULL,
  `code` char(32) NOT NULL,
  `arguments` longtext NOT NULL COMMENT '(DC2Type:array)',
  `file` varchar(255) NOT NULL,
  `row` int(10) unsigned NOT NULL,
  `processor` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_job_states` (
  `id` varchar(255) NOT NULL,
  `progress` int(11) NOT NULL,
  `startedAt` decimal(10,0) NOT NULL,
  `cancelled` tinyint(1) NOT NULL,
  `finished` tinyint(1) NOT NULL,
  `data` longtext NOT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_language_label_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `label` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_51856212BF396750` FOREIGN KEY (`id`) REFERENCES `xc_language_labels` (`label_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_language_labels` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (`label_id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_language_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `name` varchar(64) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_BAFB5BE6BF396750` (`id`),
  KEY `ci` (`code`,`id`),
  CONSTRAINT `FK_BAFB5BE6BF396750` FOREIGN KEY (`id`) REFERENCES `xc_languages` (`lng_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_languages` (
  `lng_id` int(11) NOT NULL AUTO_INCREMENT,
  `code` char(2) NOT NULL,
  `code3` char(3) NOT NULL,
  `r2l` tinyint(1) NOT NULL,
  `added` tinyint(1) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `module` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`lng_id`),
  UNIQUE KEY `code3` (`code3`),
  UNIQUE KEY `code2` (`code`),
  KEY `added` (`added`),
  KEY `enabled` (`enabled`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_logo_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_list_group` (
  `id` varchar(32) NOT NULL,
  `list_id` varchar(32) DEFAULT NULL,
  `title` varchar(128) NOT NULL,
  `type` varchar(128) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_4E4C51393DAE168B` (`list_id`),
  CONSTRAINT `FK_4E4C51393DAE168B` FOREIGN KEY (`list_id`) REFERENCES `xc_mailchimp_lists` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_list_group_name` (
  `id` varchar(32) NOT NULL,
  `group_id` varchar(32) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `subscriberCount` int(10) unsigned NOT NULL,
  `subscribeByDefault` tinyint(1) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_CBFCAA02FE54D947` (`group_id`),
  CONSTRAINT `FK_CBFCAA02FE54D947` FOREIGN KEY (`group_id`) REFERENCES `xc_mailchimp_list_group` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_list_segments` (
  `id` varchar(32) NOT NULL,
  `list_id` varchar(32) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `created_date` varchar(128) NOT NULL,
  `static` tinyint(1) NOT NULL,
  `useOrdersLastMonth` tinyint(1) NOT NULL,
  `ordersLastMonth` int(11) NOT NULL,
  `useOrderAmount` tinyint(1) NOT NULL,
  `orderAmount` decimal(14,4) NOT NULL,
  `useMemberships` tinyint(1) NOT NULL,
  `useProducts` tinyint(1) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_49AB78A13DAE168B` (`list_id`),
  CONSTRAINT `FK_49AB78A13DAE168B` FOREIGN KEY (`list_id`) REFERENCES `xc_mailchimp_lists` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_lists` (
  `id` varchar(32) NOT NULL,
  `name` varchar(128) NOT NULL,
  `date_created` varchar(128) NOT NULL,
  `date_updated` int(11) NOT NULL,
  `list_rating` decimal(3,2) NOT NULL,
  `subscribe_url_short` varchar(128) NOT NULL,
  `subscribe_url_long` varchar(128) NOT NULL,
  `member_count` int(11) NOT NULL,
  `open_rate` decimal(5,2) NOT NULL,
  `click_rate` decimal(5,2) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `subscribeByDefault` tinyint(1) NOT NULL,
  `isRemoved` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_profile_interests` (
  `group_name_id` varchar(32) NOT NULL,
  `profile_id` int(11) NOT NULL,
  PRIMARY KEY (`group_name_id`,`profile_id`),
  KEY `IDX_389A974CF717C8DA` (`group_name_id`),
  KEY `IDX_389A974CCCFA12B8` (`profile_id`),
  CONSTRAINT `FK_389A974CCCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_389A974CF717C8DA` FOREIGN KEY (`group_name_id`) REFERENCES `xc_mailchimp_list_group_name` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_segment_subscriptions` (
  `segment_id` varchar(32) NOT NULL,
  `profile_id` int(11) NOT NULL,
  PRIMARY KEY (`segment_id`,`profile_id`),
  KEY `IDX_4591B35DDB296AAD` (`segment_id`),
  KEY `IDX_4591B35DCCFA12B8` (`profile_id`),
  CONSTRAINT `FK_4591B35DCCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_4591B35DDB296AAD` FOREIGN KEY (`segment_id`) REFERENCES `xc_mailchimp_list_segments` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_store` (
  `id` varchar(32) NOT NULL,
  `list_id` varchar(32) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `main` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_4CDF0D193DAE168B` (`list_id`),
  CONSTRAINT `FK_4CDF0D193DAE168B` FOREIGN KEY (`list_id`) REFERENCES `xc_mailchimp_lists` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_mailchimp_subscriptions` (
  `list_id` varchar(32) NOT NULL,
  `profile_id` int(11) NOT NULL,
  PRIMARY KEY (`list_id`,`profile_id`),
  KEY `IDX_157F1AE93DAE168B` (`list_id`),
  KEY `IDX_157F1AE9CCFA12B8` (`profile_id`),
  CONSTRAINT `FK_157F1AE93DAE168B` FOREIGN KEY (`list_id`) REFERENCES `xc_mailchimp_lists` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_157F1AE9CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_measure_dumps` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `data` varchar(255) NOT NULL,
  `text` longtext NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_measures` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `date` int(10) unsigned NOT NULL,
  `fsTime` int(10) unsigned NOT NULL,
  `dbTime` int(10) unsigned NOT NULL,
  `cpuTime` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_membership_coupons` (
  `coupon_id` int(10) unsigned NOT NULL,
  `membership_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`coupon_id`,`membership_id`),
  KEY `IDX_CA91020766C5951B` (`coupon_id`),
  KEY `IDX_CA9102071FB354CD` (`membership_id`),
  CONSTRAINT `FK_CA9102071FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_CA91020766C5951B` FOREIGN KEY (`coupon_id`) REFERENCES `xc_coupons` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_membership_sale_discounts` (
  `sale_id` int(10) unsigned NOT NULL,
  `membership_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`sale_id`,`membership_id`),
  KEY `IDX_F602976A4A7E4868` (`sale_id`),
  KEY `IDX_F602976A1FB354CD` (`membership_id`),
  CONSTRAINT `FK_F602976A1FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_F602976A4A7E4868` FOREIGN KEY (`sale_id`) REFERENCES `xc_sale_discounts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_membership_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_8D7AB9A2BF396750` FOREIGN KEY (`id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_memberships` (
  `membership_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `position` int(11) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`membership_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_menu_quick_flags` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `menu_id` int(10) unsigned DEFAULT NULL,
  `submenus_count_all` int(11) NOT NULL,
  `submenus_count_enabled` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_FD590C95CCD7E912` (`menu_id`),
  CONSTRAINT `FK_FD590C95CCD7E912` FOREIGN KEY (`menu_id`) REFERENCES `xc_menus` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_menu_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_871D581DBF396750` FOREIGN KEY (`id`) REFERENCES `xc_menus` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_menus` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned DEFAULT NULL,
  `link` varchar(255) DEFAULT NULL,
  `lpos` int(11) NOT NULL,
  `rpos` int(11) NOT NULL,
  `depth` int(11) NOT NULL,
  `type` varchar(1) NOT NULL,
  `position` int(11) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `visibleFor` varchar(2) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_E94646C4727ACA70` (`parent_id`),
  KEY `enabled` (`enabled`,`type`),
  KEY `position` (`position`),
  CONSTRAINT `FK_E94646C4727ACA70` FOREIGN KEY (`parent_id`) REFERENCES `xc_menus` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_money_modificators` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `class` varchar(255) NOT NULL,
  `modificator` varchar(64) NOT NULL,
  `validator` varchar(64) NOT NULL,
  `position` int(11) NOT NULL,
  `behavior` varchar(64) NOT NULL,
  `purpose` varchar(64) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_news` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `enabled` tinyint(1) NOT NULL,
  `date` int(11) NOT NULL,
  `metaDescType` varchar(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `enabled` (`enabled`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_news_message_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `body` longtext NOT NULL,
  `brief_description` longtext NOT NULL,
  `metaTags` varchar(255) NOT NULL,
  `metaDesc` longtext NOT NULL,
  `metaTitle` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_A3CF3C9FBF396750` FOREIGN KEY (`id`) REFERENCES `xc_news` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_newsletter_subscriptions_subscribers` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `profile_id` int(11) DEFAULT NULL,
  `email` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`),
  KEY `IDX_1B2FC2FDCCFA12B8` (`profile_id`),
  CONSTRAINT `FK_1B2FC2FDCCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_notification_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` varchar(255) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `description` longtext NOT NULL,
  `customerSubject` varchar(255) NOT NULL,
  `customerText` longtext NOT NULL,
  `adminSubject` varchar(255) NOT NULL,
  `adminText` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_AD8A2EB1BF396750` FOREIGN KEY (`id`) REFERENCES `xc_notifications` (`templatesDirectory`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_notifications` (
  `templatesDirectory` varchar(255) NOT NULL,
  `availableForAdmin` tinyint(1) NOT NULL,
  `availableForCustomer` tinyint(1) NOT NULL,
  `enabledForAdmin` tinyint(1) NOT NULL,
  `enabledForCustomer` tinyint(1) NOT NULL,
  `adminHeaderEnabled` tinyint(1) NOT NULL,
  `adminGreetingEnabled` tinyint(1) NOT NULL,
  `adminSignatureEnabled` tinyint(1) NOT NULL,
  `customerHeaderEnabled` tinyint(1) NOT NULL,
  `customerGreetingEnabled` tinyint(1) NOT NULL,
  `customerSignatureEnabled` tinyint(1) NOT NULL,
  `position` int(11) NOT NULL DEFAULT 0,
  `editable` tinyint(1) NOT NULL,
  PRIMARY KEY (`templatesDirectory`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_backorder_competitors` (
  `id` int(11) NOT NULL,
  `competitor_id` int(11) NOT NULL,
  PRIMARY KEY (`id`,`competitor_id`),
  KEY `IDX_45D576EDBF396750` (`id`),
  KEY `IDX_45D576ED78A5D405` (`competitor_id`),
  CONSTRAINT `FK_45D576ED78A5D405` FOREIGN KEY (`competitor_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_45D576EDBF396750` FOREIGN KEY (`id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_office` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `officeId` char(10) NOT NULL,
  `name` varchar(40) NOT NULL,
  `location` varchar(40) NOT NULL,
  `distance` decimal(12,2) NOT NULL,
  `bilingualDesignation` tinyint(1) NOT NULL,
  `city` varchar(40) NOT NULL,
  `latitude` decimal(15,5) NOT NULL,
  `longitude` decimal(15,5) NOT NULL,
  `postalCode` varchar(20) NOT NULL,
  `province` varchar(64) NOT NULL,
  `officeAddress` varchar(64) NOT NULL,
  `workingHours` longtext NOT NULL COMMENT '(DC2Type:array)',
  `orderId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_1CFF923EFA237437` (`orderId`),
  CONSTRAINT `FK_1CFF923EFA237437` FOREIGN KEY (`orderId`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_items` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `amount` int(11) NOT NULL,
  `parcelId` int(11) DEFAULT NULL,
  `orderItemId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_8A82CBCF5A9ACC87` (`parcelId`),
  KEY `IDX_8A82CBCFBBF22A26` (`orderItemId`),
  CONSTRAINT `FK_8A82CBCF5A9ACC87` FOREIGN KEY (`parcelId`) REFERENCES `xc_order_capost_parcels` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_8A82CBCFBBF22A26` FOREIGN KEY (`orderItemId`) REFERENCES `xc_order_items` (`item_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_manifest_link_storage` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  `linkId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_F2AE8D8DAEC98E42` (`linkId`),
  CONSTRAINT `FK_F2AE8D8DAEC98E42` FOREIGN KEY (`linkId`) REFERENCES `xc_order_capost_parcel_manifest_links` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_manifest_links` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `rel` varchar(255) NOT NULL,
  `href` varchar(255) NOT NULL,
  `idx` int(11) DEFAULT NULL,
  `mediaType` varchar(255) NOT NULL,
  `manifestId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_7025024699AD4367` (`manifestId`),
  CONSTRAINT `FK_7025024699AD4367` FOREIGN KEY (`manifestId`) REFERENCES `xc_order_capost_parcel_manifests` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_manifests` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `poNumber` varchar(255) DEFAULT NULL,
  `rel` varchar(255) NOT NULL,
  `href` varchar(255) NOT NULL,
  `idx` int(11) DEFAULT NULL,
  `mediaType` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `shipmentId` varchar(32) NOT NULL,
  `shipmentStatus` varchar(14) DEFAULT NULL,
  `trackingPin` varchar(16) DEFAULT NULL,
  `returnTrackingPin` varchar(16) DEFAULT NULL,
  `poNumber` varchar(32) DEFAULT NULL,
  `parcelId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_BE7176165A9ACC87` (`parcelId`),
  CONSTRAINT `FK_BE7176165A9ACC87` FOREIGN KEY (`parcelId`) REFERENCES `xc_order_capost_parcels` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment_link_storage` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  `linkId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_34148C2AEC98E42` (`linkId`),
  CONSTRAINT `FK_34148C2AEC98E42` FOREIGN KEY (`linkId`) REFERENCES `xc_order_capost_parcel_shipment_links` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment_links` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `rel` varchar(255) NOT NULL,
  `href` varchar(255) NOT NULL,
  `idx` int(11) DEFAULT NULL,
  `mediaType` varchar(255) NOT NULL,
  `shipmentId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_E4E4AD8E3C5EEBE2` (`shipmentId`),
  CONSTRAINT `FK_E4E4AD8E3C5EEBE2` FOREIGN KEY (`shipmentId`) REFERENCES `xc_order_capost_parcel_shipment` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment_tracking` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `expiry` int(10) unsigned NOT NULL,
  `pin` varchar(255) DEFAULT NULL,
  `activeExists` tinyint(1) NOT NULL,
  `archiveExists` tinyint(1) NOT NULL,
  `destinationPostalId` varchar(255) DEFAULT NULL,
  `expectedDeliveryDate` int(10) unsigned DEFAULT NULL,
  `changedExpectedDate` int(10) unsigned DEFAULT NULL,
  `changedExpectedDeliveryReason` varchar(255) DEFAULT NULL,
  `mailedByCustomerNumber` varchar(255) DEFAULT NULL,
  `mailedOnBehalfOfCustomerNumber` varchar(255) DEFAULT NULL,
  `originalPin` varchar(255) DEFAULT NULL,
  `serviceName` varchar(255) DEFAULT NULL,
  `serviceName_2` varchar(255) DEFAULT NULL,
  `customerRef_1` varchar(255) DEFAULT NULL,
  `customerRef_2` varchar(255) DEFAULT NULL,
  `returnPin` varchar(255) DEFAULT NULL,
  `signatureImageExists` tinyint(1) NOT NULL,
  `suppressSignature` tinyint(1) NOT NULL,
  `shipmentId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_59862D0A3C5EEBE2` (`shipmentId`),
  CONSTRAINT `FK_59862D0A3C5EEBE2` FOREIGN KEY (`shipmentId`) REFERENCES `xc_order_capost_parcel_shipment` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment_tracking_events` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `identifier` varchar(255) NOT NULL,
  `date` char(10) NOT NULL,
  `time` char(8) NOT NULL,
  `timeZone` varchar(255) NOT NULL,
  `description` varchar(255) NOT NULL,
  `signatoryName` varchar(255) NOT NULL,
  `site` varchar(255) NOT NULL,
  `province` varchar(255) NOT NULL,
  `retailLocationId` varchar(255) NOT NULL,
  `retailName` varchar(255) NOT NULL,
  `trackingId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_3D55FC756F76B6A7` (`trackingId`),
  CONSTRAINT `FK_3D55FC756F76B6A7` FOREIGN KEY (`trackingId`) REFERENCES `xc_order_capost_parcel_shipment_tracking` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment_tracking_files` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `docType` char(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  `trackingId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_BF9898CE6F76B6A7` (`trackingId`),
  CONSTRAINT `FK_BF9898CE6F76B6A7` FOREIGN KEY (`trackingId`) REFERENCES `xc_order_capost_parcel_shipment_tracking` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipment_tracking_options` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `description` varchar(255) NOT NULL,
  `trackingId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_663D05116F76B6A7` (`trackingId`),
  CONSTRAINT `FK_663D05116F76B6A7` FOREIGN KEY (`trackingId`) REFERENCES `xc_order_capost_parcel_shipment_tracking` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcel_shipments_manifests` (
  `manifest_id` int(11) NOT NULL,
  `shipment_id` int(11) NOT NULL,
  PRIMARY KEY (`manifest_id`,`shipment_id`),
  KEY `IDX_5695D0D2E697B2FB` (`manifest_id`),
  KEY `IDX_5695D0D27BE036FC` (`shipment_id`),
  CONSTRAINT `FK_5695D0D27BE036FC` FOREIGN KEY (`shipment_id`) REFERENCES `xc_order_capost_parcel_shipment` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_5695D0D2E697B2FB` FOREIGN KEY (`manifest_id`) REFERENCES `xc_order_capost_parcel_manifests` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_capost_parcels` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `number` int(11) NOT NULL,
  `status` char(2) NOT NULL,
  `quoteType` char(2) NOT NULL,
  `boxWeight` decimal(14,4) NOT NULL,
  `boxWidth` decimal(14,4) NOT NULL,
  `boxLength` decimal(14,4) NOT NULL,
  `boxHeight` decimal(14,4) NOT NULL,
  `isDocument` tinyint(1) NOT NULL,
  `isUnpackaged` tinyint(1) NOT NULL,
  `isMailingTube` tinyint(1) NOT NULL,
  `isOversized` tinyint(1) NOT NULL,
  `notifyOnShipment` tinyint(1) NOT NULL,
  `notifyOnException` tinyint(1) NOT NULL,
  `notifyOnDelivery` tinyint(1) NOT NULL,
  `optSignature` tinyint(1) NOT NULL,
  `optCoverage` decimal(14,4) NOT NULL,
  `optAgeProof` varchar(4) NOT NULL,
  `optWayToDeliver` varchar(3) NOT NULL,
  `optNonDelivery` varchar(4) NOT NULL,
  `hasRemovedItems` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_7972E7708D9F6D38` (`order_id`),
  KEY `status` (`status`),
  KEY `number` (`number`),
  CONSTRAINT `FK_7972E7708D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_coupons` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `coupon_id` int(10) unsigned DEFAULT NULL,
  `code` char(16) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `type` char(1) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_6E78C9238D9F6D38` (`order_id`),
  KEY `IDX_6E78C92366C5951B` (`coupon_id`),
  CONSTRAINT `FK_6E78C92366C5951B` FOREIGN KEY (`coupon_id`) REFERENCES `xc_coupons` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_6E78C9238D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_details` (
  `detail_id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `label` varchar(255) DEFAULT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`detail_id`),
  KEY `IDX_E93AD3B18D9F6D38` (`order_id`),
  KEY `oname` (`order_id`,`name`),
  CONSTRAINT `FK_E93AD3B18D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_history_event_data` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `event_id` int(11) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_83396FE871F7E88B` (`event_id`),
  KEY `en` (`event_id`,`name`),
  CONSTRAINT `FK_83396FE871F7E88B` FOREIGN KEY (`event_id`) REFERENCES `xc_order_history_events` (`event_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_history_events` (
  `event_id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `author_id` int(11) DEFAULT NULL,
  `date` int(11) NOT NULL,
  `code` varchar(255) NOT NULL,
  `description` varchar(1024) DEFAULT NULL,
  `data` longtext NOT NULL COMMENT '(DC2Type:array)',
  `comment` longtext NOT NULL,
  `authorName` varchar(255) DEFAULT NULL,
  `authorIp` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`event_id`),
  KEY `IDX_1B5068758D9F6D38` (`order_id`),
  KEY `IDX_1B506875F675F31B` (`author_id`),
  CONSTRAINT `FK_1B5068758D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_1B506875F675F31B` FOREIGN KEY (`author_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_item_attribute_values` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `item_id` int(11) DEFAULT NULL,
  `attribute_value_checkbox_id` int(10) unsigned DEFAULT NULL,
  `attribute_value_select_id` int(10) unsigned DEFAULT NULL,
  `attribute_value_text_id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `value` varchar(255) NOT NULL,
  `attributeId` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_C40D099C126F525E` (`item_id`),
  KEY `IDX_C40D099C571B5A02` (`attribute_value_checkbox_id`),
  KEY `IDX_C40D099CA16D6CC9` (`attribute_value_select_id`),
  KEY `IDX_C40D099C27A31B4D` (`attribute_value_text_id`),
  CONSTRAINT `FK_C40D099C126F525E` FOREIGN KEY (`item_id`) REFERENCES `xc_order_items` (`item_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C40D099C27A31B4D` FOREIGN KEY (`attribute_value_text_id`) REFERENCES `xc_attribute_values_text` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_C40D099C571B5A02` FOREIGN KEY (`attribute_value_checkbox_id`) REFERENCES `xc_attribute_values_checkbox` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_C40D099CA16D6CC9` FOREIGN KEY (`attribute_value_select_id`) REFERENCES `xc_attribute_values_select` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_item_private_attachments` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `item_id` int(11) DEFAULT NULL,
  `attachment_id` int(10) unsigned DEFAULT NULL,
  `title` varchar(255) NOT NULL,
  `downloadKey` char(128) NOT NULL,
  `expire` int(10) unsigned NOT NULL,
  `attempt` int(10) unsigned NOT NULL,
  `attemptLimit` int(10) unsigned NOT NULL,
  `blocked` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_D6E2B7AB126F525E` (`item_id`),
  KEY `IDX_D6E2B7AB464E68B` (`attachment_id`),
  CONSTRAINT `FK_D6E2B7AB126F525E` FOREIGN KEY (`item_id`) REFERENCES `xc_order_items` (`item_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D6E2B7AB464E68B` FOREIGN KEY (`attachment_id`) REFERENCES `xc_product_attachments` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_item_surcharges` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `item_id` int(11) DEFAULT NULL,
  `type` char(8) NOT NULL,
  `code` varchar(128) NOT NULL,
  `class` varchar(255) NOT NULL,
  `include` tinyint(1) NOT NULL,
  `available` tinyint(1) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `name` varchar(255) NOT NULL,
  `weight` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_22CE371C126F525E` (`item_id`),
  CONSTRAINT `FK_22CE371C126F525E` FOREIGN KEY (`item_id`) REFERENCES `xc_order_items` (`item_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_items` (
  `item_id` int(11) NOT NULL AUTO_INCREMENT,
  `variant_id` int(10) unsigned DEFAULT NULL,
  `object_id` int(10) unsigned DEFAULT NULL,
  `order_id` int(11) DEFAULT NULL,
  `xpaymentsEmulated` tinyint(1) NOT NULL,
  `xpaymentsUniqueId` varchar(255) NOT NULL,
  `categoryAdded` varchar(255) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `sku` varchar(32) NOT NULL,
  `price` decimal(14,4) NOT NULL COMMENT '(DC2Type:money)',
  `itemNetPrice` decimal(14,4) NOT NULL,
  `discountedSubtotal` decimal(14,4) NOT NULL,
  `amount` int(11) NOT NULL,
  `backorderedAmount` int(11) NOT NULL,
  `total` decimal(14,4) NOT NULL,
  `subtotal` decimal(14,4) NOT NULL,
  `subscriptionId` int(10) unsigned DEFAULT NULL COMMENT 'Unique id',
  `object_type` varchar(16) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  `originalProductId` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`item_id`),
  KEY `IDX_FC5C8B05CA77D3A9` (`subscriptionId`),
  KEY `IDX_FC5C8B053B69A9AF` (`variant_id`),
  KEY `IDX_FC5C8B058D9F6D38` (`order_id`),
  KEY `ooo` (`order_id`,`object_type`,`object_id`),
  KEY `object_id` (`object_id`),
  KEY `price` (`price`),
  KEY `amount` (`amount`),
  KEY `IDX_FC5C8B05F603EE73` (`vendor_id`),
  KEY `IDX_FC5C8B05B917B6D7` (`originalProductId`),
  CONSTRAINT `FK_FC5C8B05232D562B` FOREIGN KEY (`object_id`) REFERENCES `xc_products` (`product_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_FC5C8B053B69A9AF` FOREIGN KEY (`variant_id`) REFERENCES `xc_product_variants` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_FC5C8B058D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_FC5C8B05B917B6D7` FOREIGN KEY (`originalProductId`) REFERENCES `xc_products` (`product_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_FC5C8B05CA77D3A9` FOREIGN KEY (`subscriptionId`) REFERENCES `xc_xpayments_subscriptions` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_FC5C8B05F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_modifiers` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `class` varchar(255) NOT NULL,
  `weight` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_payment_status_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `customerName` varchar(255) DEFAULT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_B1AECB8BBF396750` FOREIGN KEY (`id`) REFERENCES `xc_order_payment_statuses` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_payment_statuses` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `code` char(4) DEFAULT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_A5757FE577153098` (`code`),
  KEY `code` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_review_keys` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `keyValue` char(32) NOT NULL,
  `addedDate` int(11) NOT NULL,
  `sentDate` int(11) NOT NULL,
  `firstClickDate` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_7320054D8D9F6D38` (`order_id`),
  KEY `keyValue` (`keyValue`),
  KEY `addedDate` (`addedDate`),
  KEY `sentDate` (`sentDate`),
  CONSTRAINT `FK_7320054D8D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_shipping_status_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `customerName` varchar(255) DEFAULT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_5C1F97F7BF396750` FOREIGN KEY (`id`) REFERENCES `xc_order_shipping_statuses` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_shipping_statuses` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `code` char(4) DEFAULT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_2E08CCF277153098` (`code`),
  KEY `code` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_status_properties` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `payment_status_id` int(10) unsigned DEFAULT NULL,
  `shipping_status_id` int(10) unsigned DEFAULT NULL,
  `incStock` tinyint(1) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `payment_status` (`payment_status_id`),
  KEY `shipping_status` (`shipping_status_id`),
  CONSTRAINT `FK_7F87490D28DE2F95` FOREIGN KEY (`payment_status_id`) REFERENCES `xc_order_payment_statuses` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_7F87490D2D02518A` FOREIGN KEY (`shipping_status_id`) REFERENCES `xc_order_shipping_statuses` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_surcharges` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `type` char(8) NOT NULL,
  `code` varchar(128) NOT NULL,
  `class` varchar(255) NOT NULL,
  `include` tinyint(1) NOT NULL,
  `available` tinyint(1) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `name` varchar(255) NOT NULL,
  `weight` int(11) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_78E8D04C8D9F6D38` (`order_id`),
  KEY `IDX_78E8D04CF603EE73` (`vendor_id`),
  CONSTRAINT `FK_78E8D04C8D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_78E8D04CF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_order_tracking_number` (
  `tracking_id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `value` longtext NOT NULL,
  `creationDate` int(11) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`tracking_id`),
  KEY `IDX_AC554AF08D9F6D38` (`order_id`),
  KEY `IDX_AC554AF0F603EE73` (`vendor_id`),
  CONSTRAINT `FK_AC554AF08D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_AC554AF0F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_orders` (
  `order_id` int(11) NOT NULL AUTO_INCREMENT,
  `not_finished_order_id` int(11) DEFAULT NULL,
  `multi_currency_id` int(10) unsigned DEFAULT NULL,
  `profile_id` int(11) DEFAULT NULL,
  `orig_profile_id` int(11) DEFAULT NULL,
  `payment_status_id` int(10) unsigned DEFAULT NULL,
  `shipping_status_id` int(10) unsigned DEFAULT NULL,
  `currency_id` int(10) unsigned DEFAULT NULL,
  `xpaymentsFraudStatus` varchar(255) NOT NULL,
  `xpaymentsFraudType` varchar(255) NOT NULL,
  `xpaymentsFraudCheckTransactionId` int(11) NOT NULL,
  `buyWithApplePay` tinyint(1) NOT NULL,
  `demo` tinyint(1) NOT NULL,
  `selectedMultiCurrencyRate` decimal(14,4) NOT NULL,
  `mailchimpStoreId` varchar(255) NOT NULL,
  `shipping_id` int(11) NOT NULL,
  `shipping_method_name` varchar(255) DEFAULT NULL,
  `payment_method_name` varchar(255) DEFAULT NULL,
  `tracking` varchar(32) NOT NULL,
  `date` int(11) NOT NULL,
  `lastRenewDate` int(11) NOT NULL,
  `notes` longtext NOT NULL,
  `adminNotes` longtext NOT NULL,
  `orderNumber` varchar(255) DEFAULT NULL,
  `recent` tinyint(1) NOT NULL,
  `stockStatus` varchar(255) DEFAULT NULL,
  `xcPendingExport` tinyint(1) NOT NULL,
  `total` decimal(14,4) NOT NULL,
  `subtotal` decimal(14,4) NOT NULL,
  `is_order` int(11) NOT NULL,
  `parent_id` int(11) DEFAULT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  `commission_id` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`order_id`),
  UNIQUE KEY `UNIQ_72661728202D1EB2` (`commission_id`),
  KEY `IDX_72661728791AE370` (`not_finished_order_id`),
  KEY `IDX_726617286DA99EA6` (`multi_currency_id`),
  KEY `IDX_72661728CCFA12B8` (`profile_id`),
  KEY `IDX_72661728DBFEF46C` (`orig_profile_id`),
  KEY `IDX_7266172838248176` (`currency_id`),
  KEY `date` (`date`),
  KEY `total` (`total`),
  KEY `subtotal` (`subtotal`),
  KEY `tracking` (`tracking`),
  KEY `payment_status` (`payment_status_id`),
  KEY `shipping_status` (`shipping_status_id`),
  KEY `shipping_id` (`shipping_id`),
  KEY `lastRenewDate` (`lastRenewDate`),
  KEY `orderNumber` (`orderNumber`),
  KEY `is_order` (`is_order`),
  KEY `xcPendingExport` (`xcPendingExport`),
  KEY `IDX_72661728727ACA70` (`parent_id`),
  KEY `IDX_72661728F603EE73` (`vendor_id`),
  CONSTRAINT `FK_72661728202D1EB2` FOREIGN KEY (`commission_id`) REFERENCES `xc_commission` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_7266172828DE2F95` FOREIGN KEY (`payment_status_id`) REFERENCES `xc_order_payment_statuses` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_726617282D02518A` FOREIGN KEY (`shipping_status_id`) REFERENCES `xc_order_shipping_statuses` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_7266172838248176` FOREIGN KEY (`currency_id`) REFERENCES `xc_currencies` (`currency_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_726617286DA99EA6` FOREIGN KEY (`multi_currency_id`) REFERENCES `xc_currencies` (`currency_id`),
  CONSTRAINT `FK_72661728727ACA70` FOREIGN KEY (`parent_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_72661728791AE370` FOREIGN KEY (`not_finished_order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_72661728CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_72661728DBFEF46C` FOREIGN KEY (`orig_profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_72661728F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_page_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `page_id` int(10) unsigned DEFAULT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_11155EC1C4663E4` (`page_id`),
  CONSTRAINT `FK_11155EC1C4663E4` FOREIGN KEY (`page_id`) REFERENCES `xc_pages` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_page_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `teaser` longtext NOT NULL,
  `body` longtext NOT NULL,
  `metaKeywords` longtext NOT NULL,
  `metaTitle` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_460305F6BF396750` FOREIGN KEY (`id`) REFERENCES `xc_pages` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_pages` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `useCustomOG` tinyint(1) NOT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `showSocialButtons` tinyint(1) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `metaDescType` varchar(1) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `enabled` (`enabled`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_backend_transaction_data` (
  `data_id` int(11) NOT NULL AUTO_INCREMENT,
  `backend_transaction_id` int(11) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `label` varchar(255) NOT NULL,
  `access_level` char(1) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`data_id`),
  KEY `IDX_55C64E3C8167CC5C` (`backend_transaction_id`),
  KEY `tn` (`backend_transaction_id`,`name`),
  CONSTRAINT `FK_55C64E3C8167CC5C` FOREIGN KEY (`backend_transaction_id`) REFERENCES `xc_payment_backend_transactions` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_backend_transactions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `transaction_id` int(11) DEFAULT NULL,
  `date` int(11) NOT NULL,
  `status` char(1) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `type` varchar(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_396E45CF2FC0CB0F` (`transaction_id`),
  KEY `td` (`transaction_id`,`date`),
  CONSTRAINT `FK_396E45CF2FC0CB0F` FOREIGN KEY (`transaction_id`) REFERENCES `xc_payment_transactions` (`transaction_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_method_country_position` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `method_id` int(11) DEFAULT NULL,
  `countryCode` char(2) NOT NULL,
  `adminPosition` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `method_country` (`method_id`,`countryCode`),
  KEY `IDX_E089212019883967` (`method_id`),
  KEY `adminPosition` (`adminPosition`),
  CONSTRAINT `FK_E089212019883967` FOREIGN KEY (`method_id`) REFERENCES `xc_payment_methods` (`method_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_method_settings` (
  `setting_id` int(11) NOT NULL AUTO_INCREMENT,
  `method_id` int(11) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`setting_id`),
  UNIQUE KEY `mn` (`method_id`,`name`),
  KEY `IDX_E9DED4E319883967` (`method_id`),
  CONSTRAINT `FK_E9DED4E319883967` FOREIGN KEY (`method_id`) REFERENCES `xc_payment_methods` (`method_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_method_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `title` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `adminDescription` longtext NOT NULL,
  `altAdminDescription` longtext NOT NULL,
  `instruction` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_8B15F513BF396750` FOREIGN KEY (`id`) REFERENCES `xc_payment_methods` (`method_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_methods` (
  `method_id` int(11) NOT NULL AUTO_INCREMENT,
  `service_name` varchar(128) NOT NULL,
  `class` varchar(255) NOT NULL,
  `moduleName` varchar(255) NOT NULL,
  `orderby` int(11) NOT NULL,
  `adminOrderby` int(11) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `added` tinyint(1) NOT NULL,
  `type` char(1) NOT NULL,
  `fromMarketplace` tinyint(1) NOT NULL,
  `iconURL` varchar(255) DEFAULT NULL,
  `countries` longtext DEFAULT NULL COMMENT '(DC2Type:array)',
  `exCountries` longtext DEFAULT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`method_id`),
  KEY `orderby` (`orderby`),
  KEY `class` (`class`,`enabled`),
  KEY `enabled` (`enabled`),
  KEY `serviceName` (`service_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_transaction_data` (
  `data_id` int(11) NOT NULL AUTO_INCREMENT,
  `transaction_id` int(11) DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `label` varchar(255) NOT NULL,
  `access_level` char(1) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`data_id`),
  KEY `IDX_8356466D2FC0CB0F` (`transaction_id`),
  KEY `tn` (`transaction_id`,`name`),
  CONSTRAINT `FK_8356466D2FC0CB0F` FOREIGN KEY (`transaction_id`) REFERENCES `xc_payment_transactions` (`transaction_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_payment_transactions` (
  `transaction_id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `method_id` int(11) DEFAULT NULL,
  `currency_id` int(10) unsigned DEFAULT NULL,
  `date` int(11) NOT NULL,
  `publicTxnId` varchar(16) DEFAULT NULL,
  `method_name` varchar(128) NOT NULL,
  `method_local_name` varchar(255) NOT NULL,
  `status` char(1) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `note` varchar(255) NOT NULL,
  `type` varchar(16) NOT NULL,
  `public_id` varchar(255) NOT NULL,
  PRIMARY KEY (`transaction_id`),
  KEY `IDX_7F700E2A8D9F6D38` (`order_id`),
  KEY `IDX_7F700E2A19883967` (`method_id`),
  KEY `IDX_7F700E2A38248176` (`currency_id`),
  KEY `status` (`status`),
  KEY `o` (`order_id`,`status`),
  KEY `pm` (`method_id`,`status`),
  KEY `publicTxnId` (`publicTxnId`),
  CONSTRAINT `FK_7F700E2A19883967` FOREIGN KEY (`method_id`) REFERENCES `xc_payment_methods` (`method_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_7F700E2A38248176` FOREIGN KEY (`currency_id`) REFERENCES `xc_currencies` (`currency_id`),
  CONSTRAINT `FK_7F700E2A8D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_permission_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_42D05065BF396750` (`id`),
  CONSTRAINT `FK_42D05065BF396750` FOREIGN KEY (`id`) REFERENCES `xc_permissions` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_permissions` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `code` char(32) NOT NULL,
  `section` varchar(128) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_pin_codes` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `code` varchar(64) NOT NULL,
  `createDate` int(11) NOT NULL,
  `isSold` tinyint(1) NOT NULL,
  `isBlocked` tinyint(1) NOT NULL,
  `productId` int(10) unsigned DEFAULT NULL,
  `orderItemId` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `productCode` (`code`,`productId`),
  KEY `IDX_E263DF1636799605` (`productId`),
  KEY `IDX_E263DF16BBF22A26` (`orderItemId`),
  CONSTRAINT `FK_E263DF1636799605` FOREIGN KEY (`productId`) REFERENCES `xc_products` (`product_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_E263DF16BBF22A26` FOREIGN KEY (`orderItemId`) REFERENCES `xc_order_items` (`item_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_attachment_history_points` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attachment_id` int(10) unsigned DEFAULT NULL,
  `order_id` int(11) DEFAULT NULL,
  `profile_id` int(11) DEFAULT NULL,
  `login` varchar(255) NOT NULL,
  `ip` varchar(255) NOT NULL,
  `date` int(10) unsigned NOT NULL,
  `path` longtext NOT NULL,
  `additionalDetails` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_4EC27BA18D9F6D38` (`order_id`),
  KEY `IDX_4EC27BA1CCFA12B8` (`profile_id`),
  KEY `attachment` (`attachment_id`),
  CONSTRAINT `FK_4EC27BA1464E68B` FOREIGN KEY (`attachment_id`) REFERENCES `xc_product_attachments` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_4EC27BA18D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_4EC27BA1CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_attachment_storages` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attachment_id` int(10) unsigned DEFAULT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_B69E1DE4464E68B` (`attachment_id`),
  CONSTRAINT `FK_B69E1DE4464E68B` FOREIGN KEY (`attachment_id`) REFERENCES `xc_product_attachments` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_attachment_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `title` varchar(128) NOT NULL,
  `description` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_4B8884F6BF396750` FOREIGN KEY (`id`) REFERENCES `xc_product_attachments` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_attachments` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `private` tinyint(1) NOT NULL,
  `orderby` int(11) NOT NULL,
  `access` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_7A3950DB4584665A` (`product_id`),
  KEY `o` (`orderby`),
  CONSTRAINT `FK_7A3950DB4584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_class_coupons` (
  `coupon_id` int(10) unsigned NOT NULL,
  `class_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`coupon_id`,`class_id`),
  KEY `IDX_B3BC7FA266C5951B` (`coupon_id`),
  KEY `IDX_B3BC7FA2EA000B10` (`class_id`),
  CONSTRAINT `FK_B3BC7FA266C5951B` FOREIGN KEY (`coupon_id`) REFERENCES `xc_coupons` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_B3BC7FA2EA000B10` FOREIGN KEY (`class_id`) REFERENCES `xc_product_classes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_class_sale_discounts` (
  `sale_id` int(10) unsigned NOT NULL,
  `class_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`sale_id`,`class_id`),
  KEY `IDX_7B4B711F4A7E4868` (`sale_id`),
  KEY `IDX_7B4B711FEA000B10` (`class_id`),
  CONSTRAINT `FK_7B4B711F4A7E4868` FOREIGN KEY (`sale_id`) REFERENCES `xc_sale_discounts` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_7B4B711FEA000B10` FOREIGN KEY (`class_id`) REFERENCES `xc_product_classes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_class_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_6280C609BF396750` FOREIGN KEY (`id`) REFERENCES `xc_product_classes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_classes` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `position` int(11) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_DB09304FF603EE73` (`vendor_id`),
  CONSTRAINT `FK_DB09304FF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `orderby` int(11) NOT NULL,
  `alt` varchar(255) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_D20BE8834584665A` (`product_id`),
  CONSTRAINT `FK_D20BE8834584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_membership_links` (
  `product_id` int(10) unsigned NOT NULL,
  `membership_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`product_id`,`membership_id`),
  KEY `IDX_D0FD10F84584665A` (`product_id`),
  KEY `IDX_D0FD10F81FB354CD` (`membership_id`),
  CONSTRAINT `FK_D0FD10F81FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D0FD10F84584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_min_quantities` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `quantity` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `pair` (`product_id`,`membership_id`),
  KEY `IDX_C4D854111FB354CD` (`membership_id`),
  KEY `IDX_C4D854114584665A` (`product_id`),
  CONSTRAINT `FK_C4D854111FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C4D854114584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_stats` (
  `stat_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `viewed_product_id` int(10) unsigned DEFAULT NULL,
  `bought_product_id` int(10) unsigned DEFAULT NULL,
  `count` int(10) unsigned NOT NULL,
  PRIMARY KEY (`stat_id`),
  KEY `IDX_9B7D6D86658EF086` (`viewed_product_id`),
  KEY `IDX_9B7D6D863BA20971` (`bought_product_id`),
  CONSTRAINT `FK_9B7D6D863BA20971` FOREIGN KEY (`bought_product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_9B7D6D86658EF086` FOREIGN KEY (`viewed_product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_tab_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `brief_info` longtext NOT NULL,
  `content` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_EFB00A05BF396750` (`id`),
  CONSTRAINT `FK_EFB00A05BF396750` FOREIGN KEY (`id`) REFERENCES `xc_product_tabs` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_tabs` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `global_tab_id` int(10) unsigned DEFAULT NULL,
  `position` int(11) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `link` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `product_global_tab` (`product_id`,`global_tab_id`),
  KEY `IDX_24B6D9D74584665A` (`product_id`),
  KEY `IDX_24B6D9D7629D8673` (`global_tab_id`),
  CONSTRAINT `FK_24B6D9D74584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_24B6D9D7629D8673` FOREIGN KEY (`global_tab_id`) REFERENCES `xc_global_product_tabs` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_tags` (
  `product_id` int(10) unsigned NOT NULL,
  `tag_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`product_id`,`tag_id`),
  KEY `IDX_59C12D924584665A` (`product_id`),
  KEY `IDX_59C12D92BAD26311` (`tag_id`),
  CONSTRAINT `FK_59C12D924584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_59C12D92BAD26311` FOREIGN KEY (`tag_id`) REFERENCES `xc_tags` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `briefDescription` longtext NOT NULL,
  `metaTags` varchar(255) NOT NULL,
  `metaDesc` longtext NOT NULL,
  `metaTitle` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  KEY `name` (`name`),
  CONSTRAINT `FK_B83B5B90BF396750` FOREIGN KEY (`id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_variant_attribute_value_checkbox` (
  `variant_id` int(10) unsigned NOT NULL,
  `attribute_value_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`variant_id`,`attribute_value_id`),
  KEY `IDX_7EA78E353B69A9AF` (`variant_id`),
  KEY `IDX_7EA78E3565A22152` (`attribute_value_id`),
  CONSTRAINT `FK_7EA78E353B69A9AF` FOREIGN KEY (`variant_id`) REFERENCES `xc_product_variants` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_7EA78E3565A22152` FOREIGN KEY (`attribute_value_id`) REFERENCES `xc_attribute_values_checkbox` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_variant_attribute_value_select` (
  `variant_id` int(10) unsigned NOT NULL,
  `attribute_value_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`variant_id`,`attribute_value_id`),
  KEY `IDX_456A98943B69A9AF` (`variant_id`),
  KEY `IDX_456A989465A22152` (`attribute_value_id`),
  CONSTRAINT `FK_456A98943B69A9AF` FOREIGN KEY (`variant_id`) REFERENCES `xc_product_variants` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_456A989465A22152` FOREIGN KEY (`attribute_value_id`) REFERENCES `xc_attribute_values_select` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_variant_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_variant_id` int(10) unsigned DEFAULT NULL,
  `alt` varchar(255) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_6A795010A80EF684` (`product_variant_id`),
  CONSTRAINT `FK_6A795010A80EF684` FOREIGN KEY (`product_variant_id`) REFERENCES `xc_product_variants` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_variant_wholesale_prices` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_variant_id` int(10) unsigned DEFAULT NULL,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `type` varchar(32) NOT NULL,
  `price` decimal(14,4) NOT NULL COMMENT '(DC2Type:money)',
  `quantityRangeBegin` int(10) unsigned NOT NULL,
  `quantityRangeEnd` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_6F324BE0A80EF684` (`product_variant_id`),
  KEY `IDX_6F324BE01FB354CD` (`membership_id`),
  KEY `range` (`product_variant_id`,`membership_id`,`quantityRangeBegin`,`quantityRangeEnd`),
  CONSTRAINT `FK_6F324BE01FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_6F324BE0A80EF684` FOREIGN KEY (`product_variant_id`) REFERENCES `xc_product_variants` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_variants` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `discountType` varchar(32) NOT NULL,
  `salePriceValue` decimal(14,4) NOT NULL,
  `defaultSale` tinyint(1) NOT NULL DEFAULT 1,
  `price` decimal(14,4) NOT NULL COMMENT '(DC2Type:money)',
  `defaultPrice` tinyint(1) NOT NULL,
  `amount` int(10) unsigned NOT NULL,
  `defaultAmount` tinyint(1) NOT NULL,
  `weight` decimal(14,4) NOT NULL,
  `defaultWeight` tinyint(1) NOT NULL,
  `sku` varchar(32) DEFAULT NULL,
  `variant_id` varchar(32) DEFAULT NULL,
  `defaultValue` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_BE2CDD914584665A` (`product_id`),
  CONSTRAINT `FK_BE2CDD914584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_product_variants_attributes` (
  `product_id` int(10) unsigned NOT NULL,
  `attribute_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`product_id`,`attribute_id`),
  KEY `IDX_471FF1474584665A` (`product_id`),
  KEY `IDX_471FF147B6E62EFA` (`attribute_id`),
  CONSTRAINT `FK_471FF1474584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_471FF147B6E62EFA` FOREIGN KEY (`attribute_id`) REFERENCES `xc_attributes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_products` (
  `product_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_class_id` int(10) unsigned DEFAULT NULL,
  `tax_class_id` int(10) unsigned DEFAULT NULL,
  `demo` tinyint(1) NOT NULL,
  `useAsSegmentCondition` tinyint(1) NOT NULL,
  `googleFeedEnabled` tinyint(1) NOT NULL DEFAULT 1,
  `freeShip` tinyint(1) NOT NULL,
  `shipForFree` tinyint(1) NOT NULL,
  `freightFixedFee` decimal(14,4) NOT NULL,
  `facebookMarketingEnabled` tinyint(1) NOT NULL DEFAULT 1,
  `isCustomerAttachmentsAvailable` tinyint(1) NOT NULL,
  `isCustomerAttachmentsRequired` tinyint(1) NOT NULL,
  `xcPendingBulkEdit` tinyint(1) NOT NULL,
  `csLastUpdate` int(11) NOT NULL,
  `applySaleToWholesale` tinyint(1) NOT NULL,
  `participateSale` tinyint(1) NOT NULL,
  `discountType` varchar(32) NOT NULL,
  `salePriceValue` decimal(14,4) NOT NULL,
  `pinCodesEnabled` tinyint(1) NOT NULL,
  `autoPinCodes` tinyint(1) NOT NULL,
  `marketPrice` decimal(14,4) NOT NULL,
  `useCustomOG` tinyint(1) NOT NULL,
  `price` decimal(14,4) NOT NULL COMMENT '(DC2Type:money)',
  `sku` varchar(32) DEFAULT NULL,
  `enabled` tinyint(1) NOT NULL,
  `weight` decimal(14,4) NOT NULL,
  `useSeparateBox` tinyint(1) NOT NULL,
  `boxWidth` decimal(14,4) NOT NULL,
  `boxLength` decimal(14,4) NOT NULL,
  `boxHeight` decimal(14,4) NOT NULL,
  `itemsPerBox` int(11) NOT NULL,
  `free_shipping` tinyint(1) NOT NULL,
  `taxable` tinyint(1) NOT NULL,
  `arrivalDate` int(11) NOT NULL,
  `date` int(11) NOT NULL,
  `updateDate` int(10) unsigned NOT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `inventoryEnabled` tinyint(1) NOT NULL,
  `amount` int(10) unsigned NOT NULL,
  `lowLimitEnabledCustomer` tinyint(1) NOT NULL,
  `lowLimitEnabled` tinyint(1) NOT NULL,
  `lowLimitAmount` int(10) unsigned NOT NULL,
  `attrSepTab` tinyint(1) NOT NULL,
  `metaDescType` varchar(1) NOT NULL,
  `sales` int(10) unsigned NOT NULL,
  `xcPendingExport` tinyint(1) NOT NULL,
  `entityVersion` char(36) NOT NULL COMMENT '(DC2Type:guid)',
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`product_id`),
  KEY `IDX_6EC5B6BD21B06187` (`product_class_id`),
  KEY `IDX_6EC5B6BDA94AAAE` (`tax_class_id`),
  KEY `sku` (`sku`),
  KEY `price` (`price`),
  KEY `weight` (`weight`),
  KEY `free_shipping` (`free_shipping`),
  KEY `customerArea` (`enabled`,`arrivalDate`),
  KEY `csLastUpdate` (`csLastUpdate`),
  KEY `IDX_6EC5B6BDF603EE73` (`vendor_id`),
  CONSTRAINT `FK_6EC5B6BD21B06187` FOREIGN KEY (`product_class_id`) REFERENCES `xc_product_classes` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_6EC5B6BDA94AAAE` FOREIGN KEY (`tax_class_id`) REFERENCES `xc_tax_classes` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_6EC5B6BDF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_profile_addresses` (
  `address_id` int(11) NOT NULL AUTO_INCREMENT,
  `profile_id` int(11) DEFAULT NULL,
  `state_id` int(11) DEFAULT NULL,
  `country_code` char(2) DEFAULT NULL,
  `is_billing` tinyint(1) NOT NULL,
  `is_shipping` tinyint(1) NOT NULL,
  `isWork` tinyint(1) NOT NULL,
  `address_type` char(1) NOT NULL,
  PRIMARY KEY (`address_id`),
  KEY `IDX_EDFDEF52CCFA12B8` (`profile_id`),
  KEY `IDX_EDFDEF525D83CC1` (`state_id`),
  KEY `IDX_EDFDEF52F026BB7C` (`country_code`),
  KEY `is_billing` (`is_billing`),
  KEY `is_shipping` (`is_shipping`),
  CONSTRAINT `FK_EDFDEF525D83CC1` FOREIGN KEY (`state_id`) REFERENCES `xc_states` (`state_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_EDFDEF52CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_EDFDEF52F026BB7C` FOREIGN KEY (`country_code`) REFERENCES `xc_countries` (`code`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_profile_roles` (
  `role_id` int(10) unsigned NOT NULL,
  `profile_id` int(11) NOT NULL,
  PRIMARY KEY (`role_id`,`profile_id`),
  KEY `IDX_2C8CC065D60322AC` (`role_id`),
  KEY `IDX_2C8CC065CCFA12B8` (`profile_id`),
  CONSTRAINT `FK_2C8CC065CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_2C8CC065D60322AC` FOREIGN KEY (`role_id`) REFERENCES `xc_roles` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_profile_transaction` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `profile_id` int(11) DEFAULT NULL,
  `author_id` int(11) DEFAULT NULL,
  `order_id` int(11) DEFAULT NULL,
  `date` datetime NOT NULL,
  `value` decimal(14,4) DEFAULT NULL,
  `provider` char(2) NOT NULL,
  `description` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_F6F877BDCCFA12B8` (`profile_id`),
  KEY `IDX_F6F877BDF675F31B` (`author_id`),
  KEY `IDX_F6F877BD8D9F6D38` (`order_id`),
  CONSTRAINT `FK_F6F877BD8D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_F6F877BDCCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_F6F877BDF675F31B` FOREIGN KEY (`author_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_profiles` (
  `profile_id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `pending_membership_id` int(10) unsigned DEFAULT NULL,
  `xpaymentsCustomerId` varchar(255) NOT NULL,
  `auth_phone_number` varchar(255) DEFAULT NULL,
  `auth_phone_code` varchar(255) DEFAULT NULL,
  `auth_2fa_enabled` tinyint(1) DEFAULT 0,
  `authy_id` int(11) DEFAULT NULL,
  `conciergeUserId` varchar(128) DEFAULT NULL,
  `braintree_customer_id` varchar(255) NOT NULL,
  `saveCardBoxChecked` tinyint(1) NOT NULL,
  `socialLoginProvider` varchar(128) DEFAULT NULL,
  `socialLoginId` varchar(128) DEFAULT NULL,
  `pictureUrl` varchar(255) DEFAULT NULL,
  `gaClientId` varchar(255) NOT NULL,
  `login` varchar(128) NOT NULL,
  `password` varchar(255) NOT NULL,
  `password_hint` varchar(128) NOT NULL,
  `password_hint_answer` varchar(128) NOT NULL,
  `passwordResetKey` varchar(255) NOT NULL,
  `passwordResetKeyDate` int(11) NOT NULL,
  `access_level` int(11) NOT NULL,
  `cms_profile_id` int(11) NOT NULL,
  `cms_name` varchar(32) NOT NULL,
  `added` int(11) NOT NULL,
  `first_login` int(11) NOT NULL,
  `last_login` int(11) NOT NULL,
  `status` char(1) NOT NULL,
  `statusComment` varchar(255) NOT NULL,
  `referer` varchar(255) NOT NULL,
  `language` varchar(2) NOT NULL,
  `last_shipping_id` int(11) DEFAULT NULL,
  `last_payment_id` int(11) DEFAULT NULL,
  `anonymous` tinyint(1) NOT NULL,
  `forceChangePassword` tinyint(1) NOT NULL,
  `dateOfLoginAttempt` int(10) unsigned NOT NULL,
  `countOfLoginAttempts` int(11) NOT NULL,
  `searchFakeField` longtext DEFAULT NULL,
  `xcPendingExport` tinyint(1) NOT NULL,
  `lastCheckoutEmail` varchar(255) NOT NULL,
  `vendorConfig` longtext DEFAULT NULL COMMENT '(DC2Type:array)',
  `paypalLogin` varchar(255) DEFAULT NULL,
  `firstName` varchar(255) DEFAULT NULL,
  `lastName` varchar(255) DEFAULT NULL,
  `paypalLoginStatus` char(1) NOT NULL,
  `bankDetails` longtext DEFAULT NULL,
  `lastShippingIdByVendor` longtext DEFAULT NULL COMMENT '(DC2Type:array)',
  `specialRevshareFeeDst` decimal(14,4) DEFAULT NULL,
  `hasSpecialRevshareFeeDst` tinyint(1) NOT NULL,
  `specialRevshareFeeShipping` decimal(14,4) DEFAULT NULL,
  `hasSpecialRevshareFeeShipping` tinyint(1) NOT NULL,
  PRIMARY KEY (`profile_id`),
  UNIQUE KEY `UNIQ_564F69D78D9F6D38` (`order_id`),
  UNIQUE KEY `UNIQ_564F69D7A4CCF336` (`paypalLogin`),
  KEY `IDX_564F69D71FB354CD` (`membership_id`),
  KEY `IDX_564F69D7CD228392` (`pending_membership_id`),
  KEY `cms_profile` (`cms_name`,`cms_profile_id`),
  KEY `login` (`login`),
  KEY `order_id` (`order_id`),
  KEY `password` (`password`),
  KEY `access_level` (`access_level`),
  KEY `first_login` (`first_login`),
  KEY `last_login` (`last_login`),
  KEY `status` (`status`),
  CONSTRAINT `FK_564F69D71FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_564F69D78D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_564F69D7CD228392` FOREIGN KEY (`pending_membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_quick_data` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `zone_id` int(11) DEFAULT NULL,
  `minPrice` decimal(14,4) NOT NULL,
  `maxPrice` decimal(14,4) NOT NULL,
  `price` decimal(14,4) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_D98B70594584665A` (`product_id`),
  KEY `IDX_D98B70591FB354CD` (`membership_id`),
  KEY `IDX_D98B70599F2C3FAB` (`zone_id`),
  KEY `customerArea` (`membership_id`,`product_id`),
  CONSTRAINT `FK_D98B70591FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D98B70594584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D98B70599F2C3FAB` FOREIGN KEY (`zone_id`) REFERENCES `xc_zones` (`zone_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_regions` (
  `code` varchar(10) NOT NULL,
  `country_code` char(2) DEFAULT NULL,
  `name` varchar(64) NOT NULL,
  `weight` int(11) DEFAULT NULL,
  PRIMARY KEY (`code`),
  UNIQUE KEY `code` (`code`,`country_code`),
  KEY `IDX_D0F7579CF026BB7C` (`country_code`),
  KEY `name` (`name`),
  CONSTRAINT `FK_D0F7579CF026BB7C` FOREIGN KEY (`country_code`) REFERENCES `xc_countries` (`code`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_reviews` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `profile_id` int(11) DEFAULT NULL,
  `respondent_id` int(11) DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `rkey_id` int(10) unsigned DEFAULT NULL,
  `review` longtext NOT NULL,
  `response` longtext DEFAULT NULL,
  `rating` smallint(6) NOT NULL,
  `additionDate` int(11) NOT NULL,
  `responseDate` int(11) DEFAULT NULL,
  `reviewerName` varchar(255) NOT NULL,
  `status` smallint(6) NOT NULL,
  `useForMeta` tinyint(1) NOT NULL,
  `isNew` tinyint(1) NOT NULL,
  `xcPendingExport` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_1BE0C560CCFA12B8` (`profile_id`),
  KEY `IDX_1BE0C560CE80CD19` (`respondent_id`),
  KEY `IDX_1BE0C5604584665A` (`product_id`),
  KEY `IDX_1BE0C5605A4DEAEC` (`rkey_id`),
  KEY `additionDate` (`additionDate`),
  KEY `status` (`status`),
  CONSTRAINT `FK_1BE0C5604584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_1BE0C5605A4DEAEC` FOREIGN KEY (`rkey_id`) REFERENCES `xc_order_review_keys` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_1BE0C560CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL,
  CONSTRAINT `FK_1BE0C560CE80CD19` FOREIGN KEY (`respondent_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_role_permissions` (
  `permission_id` int(10) unsigned NOT NULL,
  `role_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`permission_id`,`role_id`),
  KEY `IDX_D9BE7001FED90CCA` (`permission_id`),
  KEY `IDX_D9BE7001D60322AC` (`role_id`),
  CONSTRAINT `FK_D9BE7001D60322AC` FOREIGN KEY (`role_id`) REFERENCES `xc_roles` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D9BE7001FED90CCA` FOREIGN KEY (`permission_id`) REFERENCES `xc_permissions` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_role_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_6C49C564BF396750` (`id`),
  CONSTRAINT `FK_6C49C564BF396750` FOREIGN KEY (`id`) REFERENCES `xc_roles` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_roles` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sale_discount_products` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `sale_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `pair` (`sale_id`,`product_id`),
  KEY `IDX_91E7EACA4A7E4868` (`sale_id`),
  KEY `IDX_91E7EACA4584665A` (`product_id`),
  CONSTRAINT `FK_91E7EACA4584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_91E7EACA4A7E4868` FOREIGN KEY (`sale_id`) REFERENCES `xc_sale_discounts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sale_discount_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `metaTags` varchar(255) NOT NULL,
  `metaDesc` longtext NOT NULL,
  `metaTitle` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_64DCA7CEBF396750` (`id`),
  CONSTRAINT `FK_64DCA7CEBF396750` FOREIGN KEY (`id`) REFERENCES `xc_sale_discounts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sale_discounts` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `applyToWholesale` tinyint(1) NOT NULL,
  `useCustomOG` tinyint(1) NOT NULL,
  `ogMeta` longtext DEFAULT NULL,
  `enabled` tinyint(1) NOT NULL,
  `value` decimal(14,4) NOT NULL,
  `dateRangeBegin` int(10) unsigned NOT NULL,
  `dateRangeEnd` int(10) unsigned NOT NULL,
  `showInSeparateSection` tinyint(1) NOT NULL,
  `metaDescType` varchar(1) NOT NULL,
  `specificProducts` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sales_tax_rates` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `tax_id` int(10) unsigned DEFAULT NULL,
  `zone_id` int(11) DEFAULT NULL,
  `tax_class_id` int(10) unsigned DEFAULT NULL,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `value` decimal(14,4) NOT NULL,
  `type` char(1) NOT NULL,
  `position` int(11) NOT NULL,
  `noTaxClass` tinyint(1) NOT NULL,
  `taxableBase` varchar(16) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_C3DD536EB2A824D8` (`tax_id`),
  KEY `IDX_C3DD536E9F2C3FAB` (`zone_id`),
  KEY `IDX_C3DD536EA94AAAE` (`tax_class_id`),
  KEY `IDX_C3DD536E1FB354CD` (`membership_id`),
  CONSTRAINT `FK_C3DD536E1FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C3DD536E9F2C3FAB` FOREIGN KEY (`zone_id`) REFERENCES `xc_zones` (`zone_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C3DD536EA94AAAE` FOREIGN KEY (`tax_class_id`) REFERENCES `xc_tax_classes` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C3DD536EB2A824D8` FOREIGN KEY (`tax_id`) REFERENCES `xc_sales_taxes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sales_tax_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_F6A2559EBF396750` FOREIGN KEY (`id`) REFERENCES `xc_sales_taxes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sales_taxes` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_search_filter_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `IDX_BB9566C7BF396750` (`id`),
  KEY `name` (`name`),
  CONSTRAINT `FK_BB9566C7BF396750` FOREIGN KEY (`id`) REFERENCES `xc_search_filters` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_search_filters` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `filterKey` varchar(255) NOT NULL,
  `parameters` longtext NOT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`id`),
  KEY `filterKey` (`filterKey`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_segment_membership` (
  `segment_id` varchar(32) NOT NULL,
  `membership_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`segment_id`,`membership_id`),
  KEY `IDX_5A7AE486DB296AAD` (`segment_id`),
  KEY `IDX_5A7AE4861FB354CD` (`membership_id`),
  CONSTRAINT `FK_5A7AE4861FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_5A7AE486DB296AAD` FOREIGN KEY (`segment_id`) REFERENCES `xc_mailchimp_list_segments` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_segment_products` (
  `segment_id` varchar(32) NOT NULL,
  `product_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`segment_id`,`product_id`),
  KEY `IDX_3BE544A8DB296AAD` (`segment_id`),
  KEY `IDX_3BE544A84584665A` (`product_id`),
  CONSTRAINT `FK_3BE544A84584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_3BE544A8DB296AAD` FOREIGN KEY (`segment_id`) REFERENCES `xc_mailchimp_list_segments` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_session_cells` (
  `cell_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `value` longtext NOT NULL,
  `type` varchar(16) NOT NULL,
  PRIMARY KEY (`cell_id`),
  UNIQUE KEY `iname` (`id`,`name`),
  KEY `id` (`id`),
  CONSTRAINT `FK_E3DA027EBF396750` FOREIGN KEY (`id`) REFERENCES `xc_sessions` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_sessions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `sid` char(32) NOT NULL,
  `expiry` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `sid` (`sid`),
  KEY `expiry` (`expiry`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_shipping_markups` (
  `markup_id` int(11) NOT NULL AUTO_INCREMENT,
  `method_id` int(11) DEFAULT NULL,
  `zone_id` int(11) DEFAULT NULL,
  `min_weight` decimal(14,4) NOT NULL,
  `max_weight` decimal(14,4) NOT NULL,
  `min_total` decimal(14,2) NOT NULL,
  `max_total` decimal(14,2) NOT NULL,
  `min_discounted_total` decimal(14,2) NOT NULL,
  `max_discounted_total` decimal(14,2) NOT NULL,
  `min_items` decimal(14,0) NOT NULL,
  `max_items` decimal(14,0) NOT NULL,
  `markup_flat` decimal(14,2) NOT NULL,
  `markup_percent` decimal(14,2) NOT NULL,
  `markup_per_item` decimal(14,2) NOT NULL,
  `markup_per_weight` decimal(14,2) NOT NULL,
  PRIMARY KEY (`markup_id`),
  KEY `IDX_4FD5FCE119883967` (`method_id`),
  KEY `IDX_4FD5FCE19F2C3FAB` (`zone_id`),
  KEY `rate` (`method_id`,`zone_id`,`min_weight`,`min_total`,`min_discounted_total`,`min_items`),
  KEY `max_weight` (`max_weight`),
  KEY `max_total` (`max_total`),
  KEY `max_discounted_total` (`max_discounted_total`),
  KEY `max_items` (`max_items`),
  KEY `markup_flat` (`markup_flat`),
  KEY `markup_per_item` (`markup_per_item`),
  KEY `markup_percent` (`markup_percent`),
  KEY `markup_per_weight` (`markup_per_weight`),
  CONSTRAINT `FK_4FD5FCE119883967` FOREIGN KEY (`method_id`) REFERENCES `xc_shipping_methods` (`method_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_4FD5FCE19F2C3FAB` FOREIGN KEY (`zone_id`) REFERENCES `xc_zones` (`zone_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_shipping_method_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(11) DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `deliveryTime` varchar(255) DEFAULT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_DEAE9FACBF396750` FOREIGN KEY (`id`) REFERENCES `xc_shipping_methods` (`method_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_shipping_methods` (
  `method_id` int(11) NOT NULL AUTO_INCREMENT,
  `tax_class_id` int(10) unsigned DEFAULT NULL,
  `free` tinyint(1) NOT NULL,
  `processor` varchar(255) NOT NULL,
  `carrier` varchar(255) NOT NULL,
  `code` varchar(255) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `position` int(11) NOT NULL,
  `added` tinyint(1) NOT NULL,
  `moduleName` varchar(255) NOT NULL,
  `fromMarketplace` tinyint(1) NOT NULL,
  `iconURL` varchar(255) DEFAULT NULL,
  `tableType` char(3) DEFAULT NULL,
  `handlingFee` decimal(14,4) NOT NULL,
  `handlingFeeType` varchar(1) NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`method_id`),
  KEY `IDX_76AE154AA94AAAE` (`tax_class_id`),
  KEY `processor` (`processor`),
  KEY `carrier` (`carrier`),
  KEY `enabled` (`enabled`),
  KEY `position` (`position`),
  KEY `IDX_76AE154AF603EE73` (`vendor_id`),
  CONSTRAINT `FK_76AE154AA94AAAE` FOREIGN KEY (`tax_class_id`) REFERENCES `xc_tax_classes` (`id`) ON DELETE SET NULL,
  CONSTRAINT `FK_76AE154AF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_states` (
  `state_id` int(11) NOT NULL AUTO_INCREMENT,
  `country_code` char(2) DEFAULT NULL,
  `region_code` varchar(10) DEFAULT NULL,
  `state` varchar(64) NOT NULL,
  `code` varchar(64) NOT NULL,
  PRIMARY KEY (`state_id`),
  UNIQUE KEY `code` (`code`,`country_code`),
  KEY `IDX_A68B9D8BF026BB7C` (`country_code`),
  KEY `IDX_A68B9D8BAEB327AF` (`region_code`),
  KEY `state` (`state`),
  CONSTRAINT `FK_A68B9D8BAEB327AF` FOREIGN KEY (`region_code`) REFERENCES `xc_regions` (`code`) ON DELETE CASCADE,
  CONSTRAINT `FK_A68B9D8BF026BB7C` FOREIGN KEY (`country_code`) REFERENCES `xc_countries` (`code`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_tag_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(128) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_A0A51562BF396750` FOREIGN KEY (`id`) REFERENCES `xc_tags` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_tags` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_tasks` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `owner` varchar(128) NOT NULL,
  `triggerTime` int(11) NOT NULL,
  `data` longtext NOT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_tax_class_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `name` varchar(255) NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_EEA2768BF396750` FOREIGN KEY (`id`) REFERENCES `xc_tax_classes` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_tax_classes` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_temporary_files` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_temporary_videos` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_theme_tweaker_template` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `template` varchar(255) NOT NULL,
  `date` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_tmp_vars` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(128) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_upselling_products` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `parent_product_id` int(10) unsigned DEFAULT NULL,
  `orderBy` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_D2020FC74584665A` (`product_id`),
  KEY `parent_product_index` (`parent_product_id`),
  CONSTRAINT `FK_D2020FC72C7E20A` FOREIGN KEY (`parent_product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_D2020FC74584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_usps_shipment` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(11) DEFAULT NULL,
  `transactionId` varchar(255) NOT NULL,
  `requestData` longtext NOT NULL COMMENT '(DC2Type:array)',
  `responseData` longtext NOT NULL COMMENT '(DC2Type:array)',
  `printDate` int(11) NOT NULL,
  `price` decimal(14,4) NOT NULL,
  `shipmentId` varchar(32) NOT NULL,
  `trackingNumber` varchar(32) NOT NULL,
  `trackingData` longtext NOT NULL COMMENT '(DC2Type:array)',
  `labelURL` varchar(255) NOT NULL,
  `labelContent` longtext NOT NULL COMMENT '(DC2Type:array)',
  PRIMARY KEY (`id`),
  KEY `IDX_BF43B61B8D9F6D38` (`order_id`),
  CONSTRAINT `FK_BF43B61B8D9F6D38` FOREIGN KEY (`order_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_vendor` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `profile_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_626BD930CCFA12B8` (`profile_id`),
  CONSTRAINT `FK_626BD930CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_vendor_convo_message_reads` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `message_id` int(10) unsigned DEFAULT NULL,
  `profile_id` int(11) DEFAULT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `id` (`message_id`,`profile_id`),
  KEY `IDX_C370DCEC537A1329` (`message_id`),
  KEY `IDX_C370DCECCCFA12B8` (`profile_id`),
  CONSTRAINT `FK_C370DCEC537A1329` FOREIGN KEY (`message_id`) REFERENCES `xc_vendor_convo_messages` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_C370DCECCCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_vendor_convo_messages` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `conversation_id` int(10) unsigned DEFAULT NULL,
  `profile_id` int(11) DEFAULT NULL,
  `date` int(10) unsigned NOT NULL,
  `body` longtext NOT NULL,
  `type` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_DBF45B569AC0396` (`conversation_id`),
  KEY `IDX_DBF45B56CCFA12B8` (`profile_id`),
  CONSTRAINT `FK_DBF45B569AC0396` FOREIGN KEY (`conversation_id`) REFERENCES `xc_conversations` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_DBF45B56CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_vendor_images` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `vendor_id` int(11) DEFAULT NULL,
  `alt` varchar(255) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `hash` char(32) DEFAULT NULL,
  `needProcess` tinyint(1) NOT NULL,
  `path` varchar(512) NOT NULL,
  `fileName` varchar(255) NOT NULL,
  `mime` varchar(128) NOT NULL,
  `storageType` varchar(1) NOT NULL,
  `size` int(10) unsigned NOT NULL,
  `date` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_FBB3C888F603EE73` (`vendor_id`),
  CONSTRAINT `FK_FBB3C888F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_vendor_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `companyName` varchar(255) NOT NULL,
  `location` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_FC679F4DBF396750` FOREIGN KEY (`id`) REFERENCES `xc_vendor` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_view_lists` (
  `list_id` int(11) NOT NULL AUTO_INCREMENT,
  `parent_id` int(11) DEFAULT NULL,
  `list` varchar(255) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL,
  `zone` varchar(16) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL,
  `child` varchar(512) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL,
  `weight` int(11) NOT NULL,
  `tpl` varchar(512) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL,
  `version` varchar(32) DEFAULT NULL,
  `preset` varchar(32) DEFAULT NULL,
  `list_override` varchar(255) NOT NULL,
  `weight_override` int(11) NOT NULL,
  `override_mode` int(11) NOT NULL,
  `deleted` tinyint(1) NOT NULL,
  PRIMARY KEY (`list_id`),
  KEY `IDX_D2862EB1727ACA70` (`parent_id`),
  KEY `tl` (`tpl`,`list`),
  KEY `lzv` (`list`,`zone`,`version`),
  KEY `tclz` (`tpl`,`child`,`list`,`zone`),
  CONSTRAINT `FK_D2862EB1727ACA70` FOREIGN KEY (`parent_id`) REFERENCES `xc_view_lists` (`list_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_volume_discounts` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `value` decimal(14,4) NOT NULL,
  `type` char(1) NOT NULL,
  `subtotalRangeBegin` decimal(14,4) NOT NULL,
  `dateRangeBegin` int(10) unsigned NOT NULL,
  `dateRangeEnd` int(10) unsigned NOT NULL,
  `vendor_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_7432BEED1FB354CD` (`membership_id`),
  KEY `date_range` (`dateRangeBegin`,`dateRangeEnd`),
  KEY `subtotal` (`subtotalRangeBegin`),
  KEY `IDX_7432BEEDF603EE73` (`vendor_id`),
  CONSTRAINT `FK_7432BEED1FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_7432BEEDF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_wholesale_prices` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `product_id` int(10) unsigned DEFAULT NULL,
  `membership_id` int(10) unsigned DEFAULT NULL,
  `type` varchar(32) NOT NULL,
  `price` decimal(14,4) NOT NULL COMMENT '(DC2Type:money)',
  `quantityRangeBegin` int(10) unsigned NOT NULL,
  `quantityRangeEnd` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_804BFCAF4584665A` (`product_id`),
  KEY `IDX_804BFCAF1FB354CD` (`membership_id`),
  KEY `range` (`product_id`,`membership_id`,`quantityRangeBegin`,`quantityRangeEnd`),
  CONSTRAINT `FK_804BFCAF1FB354CD` FOREIGN KEY (`membership_id`) REFERENCES `xc_memberships` (`membership_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_804BFCAF4584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_xpayments_fraud_check_data` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `transaction_id` int(11) DEFAULT NULL,
  `code` varchar(255) NOT NULL,
  `service` varchar(255) NOT NULL,
  `module` varchar(255) NOT NULL DEFAULT '',
  `result` int(11) NOT NULL,
  `status` varchar(255) NOT NULL,
  `score` int(11) NOT NULL,
  `message` varchar(255) NOT NULL,
  `serviceTransactionId` varchar(255) NOT NULL,
  `url` varchar(255) NOT NULL,
  `errors` varchar(255) NOT NULL,
  `warnings` varchar(255) NOT NULL,
  `rules` varchar(255) NOT NULL,
  `data` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `IDX_5A8F75F22FC0CB0F` (`transaction_id`),
  CONSTRAINT `FK_5A8F75F22FC0CB0F` FOREIGN KEY (`transaction_id`) REFERENCES `xc_payment_transactions` (`transaction_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_xpayments_subscription_plans` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT 'Unique id',
  `isSubscription` tinyint(1) NOT NULL COMMENT 'Is the product a subscription plan',
  `setupFee` decimal(14,4) NOT NULL COMMENT 'Setup fee for the plan(DC2Type:money)',
  `calculateShipping` tinyint(1) NOT NULL COMMENT 'Whether to calculate shipping for recurring orders',
  `fee` decimal(14,4) NOT NULL COMMENT 'Fee for the plan(DC2Type:money)',
  `type` varchar(1) NOT NULL,
  `number` int(11) DEFAULT NULL,
  `period` char(1) NOT NULL,
  `reverse` tinyint(1) NOT NULL,
  `periods` int(11) DEFAULT NULL,
  `productId` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_8AA6B33B36799605` (`productId`),
  CONSTRAINT `FK_8AA6B33B36799605` FOREIGN KEY (`productId`) REFERENCES `xc_products` (`product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_xpayments_subscriptions` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT 'Unique id',
  `calculateShipping` tinyint(1) NOT NULL,
  `shippingId` int(11) NOT NULL,
  `xpaymentsSubscriptionPublicId` varchar(255) NOT NULL,
  `status` char(1) NOT NULL,
  `failedAttempts` int(11) DEFAULT NULL,
  `successfulAttempts` int(11) DEFAULT NULL,
  `startDate` int(11) DEFAULT NULL,
  `plannedDate` int(11) DEFAULT NULL,
  `actualDate` int(11) DEFAULT NULL,
  `cardId` varchar(16) DEFAULT NULL,
  `fee` decimal(14,4) NOT NULL COMMENT 'Fee for the plan(DC2Type:money)',
  `type` varchar(1) NOT NULL,
  `number` int(11) DEFAULT NULL,
  `period` char(1) NOT NULL,
  `reverse` tinyint(1) NOT NULL,
  `periods` int(11) DEFAULT NULL,
  `initialOrderItem` int(11) DEFAULT NULL,
  `shippingAddress` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_B2267420C59142C9` (`initialOrderItem`),
  KEY `IDX_B2267420109A74D1` (`shippingAddress`),
  CONSTRAINT `FK_B2267420109A74D1` FOREIGN KEY (`shippingAddress`) REFERENCES `xc_profile_addresses` (`address_id`),
  CONSTRAINT `FK_B2267420C59142C9` FOREIGN KEY (`initialOrderItem`) REFERENCES `xc_order_items` (`item_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_zone_coupons` (
  `coupon_id` int(10) unsigned NOT NULL,
  `zone_id` int(11) NOT NULL,
  PRIMARY KEY (`coupon_id`,`zone_id`),
  KEY `IDX_F0C5893566C5951B` (`coupon_id`),
  KEY `IDX_F0C589359F2C3FAB` (`zone_id`),
  CONSTRAINT `FK_F0C5893566C5951B` FOREIGN KEY (`coupon_id`) REFERENCES `xc_coupons` (`id`) ON DELETE CASCADE,
  CONSTRAINT `FK_F0C589359F2C3FAB` FOREIGN KEY (`zone_id`) REFERENCES `xc_zones` (`zone_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_zone_elements` (
  `element_id` int(11) NOT NULL AUTO_INCREMENT,
  `zone_id` int(11) DEFAULT NULL,
  `element_value` varchar(255) NOT NULL,
  `element_type` char(1) NOT NULL,
  PRIMARY KEY (`element_id`),
  KEY `IDX_190FAB09F2C3FAB` (`zone_id`),
  KEY `type_value` (`element_type`,`element_value`),
  KEY `id_type` (`zone_id`,`element_type`),
  CONSTRAINT `FK_190FAB09F2C3FAB` FOREIGN KEY (`zone_id`) REFERENCES `xc_zones` (`zone_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_zones` (
  `zone_id` int(11) NOT NULL AUTO_INCREMENT,
  `zone_name` varchar(64) NOT NULL,
  `is_default` tinyint(1) NOT NULL,
  PRIMARY KEY (`zone_id`),
  KEY `zone_name` (`zone_name`),
  KEY `zone_default` (`is_default`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_zones_volume_discounts` (
  `volume_discount_id` int(10) unsigned NOT NULL,
  `zone_id` int(11) NOT NULL,
  PRIMARY KEY (`volume_discount_id`,`zone_id`),
  KEY `IDX_A5794E77FF3F3A82` (`volume_discount_id`),
  KEY `IDX_A5794E779F2C3FAB` (`zone_id`),
  CONSTRAINT `FK_A5794E779F2C3FAB` FOREIGN KEY (`zone_id`) REFERENCES `xc_zones` (`zone_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_A5794E77FF3F3A82` FOREIGN KEY (`volume_discount_id`) REFERENCES `xc_volume_discounts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

SET FOREIGN_KEY_CHECKS=1;
