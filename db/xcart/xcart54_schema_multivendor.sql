-- XC\MultiVendor over X-Cart 5.4.1.23's stock modules: loaded after xcart54_schema.sql (the
-- "multivendor" module set is both files), it adds what the module adds to that schema.
-- XC\MultiVendor's tables and columns derived from that module's Doctrine annotations (Model/*.php: the entities
-- Commission, Vendor, VendorTranslation, Image\Vendor, ProfileTransaction, and the decorated core models Order,
-- OrderItem, Order\Surcharge, OrderTrackingNumber, Product, Attribute, AttributeGroup, ProductClass, CleanURL, Config,
-- Profile, Shipping\Method, Coupons' Coupon, VolumeDiscounts' VolumeDiscount) with Doctrine's own identifier names.
-- No public 5.4/5.5 build of the module exists: the annotations are those of its 5.3.2 release,
-- Shofiul-Alam/Xcart@0b2d28045a7ee7ccaee4c886dc673b3f8492314a (classes/XLite/Module/XC/MultiVendor/); 5.4/5.5 modules
-- call the same model API on it. Written as what a mariadb-dump --no-data of the module's tables loaded over
-- xcart54_schema.sql differs by: the module's new tables, and the columns, keys and foreign keys it adds.
SET FOREIGN_KEY_CHECKS=0;
ALTER TABLE `xc_attribute_groups`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `position`,
  ADD KEY `IDX_1488F3CDF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_1488F3CDF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_attributes`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `addToNew`,
  ADD KEY `IDX_89188877F603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_89188877F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_clean_urls`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `cleanURL`,
  ADD KEY `IDX_ED2984B1F603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_ED2984B1F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`);
CREATE TABLE `xc_commission` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `value` decimal(14,4) DEFAULT NULL,
  `status` char(1) NOT NULL,
  `auto` tinyint(1) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE `xc_config`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `widgetParameters`,
  ADD KEY `IDX_43C3C5BAF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_43C3C5BAF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE;
ALTER TABLE `xc_coupons`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `specificProducts`,
  ADD KEY `IDX_87F43F77F603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_87F43F77F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_order_items`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `object_type`,
  ADD COLUMN `originalProductId` int(10) unsigned DEFAULT NULL AFTER `vendor_id`,
  ADD KEY `IDX_FC5C8B05F603EE73` (`vendor_id`),
  ADD KEY `IDX_FC5C8B05B917B6D7` (`originalProductId`),
  ADD CONSTRAINT `FK_FC5C8B05B917B6D7` FOREIGN KEY (`originalProductId`) REFERENCES `xc_products` (`product_id`) ON DELETE SET NULL,
  ADD CONSTRAINT `FK_FC5C8B05F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_order_surcharges`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `weight`,
  ADD KEY `IDX_78E8D04CF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_78E8D04CF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_order_tracking_number`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `creationDate`,
  ADD KEY `IDX_AC554AF0F603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_AC554AF0F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_orders`
  ADD COLUMN `parent_id` int(11) DEFAULT NULL AFTER `is_order`,
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `parent_id`,
  ADD COLUMN `commission_id` int(10) unsigned DEFAULT NULL AFTER `vendor_id`,
  ADD UNIQUE KEY `UNIQ_72661728202D1EB2` (`commission_id`),
  ADD KEY `IDX_72661728727ACA70` (`parent_id`),
  ADD KEY `IDX_72661728F603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_72661728202D1EB2` FOREIGN KEY (`commission_id`) REFERENCES `xc_commission` (`id`) ON DELETE SET NULL,
  ADD CONSTRAINT `FK_72661728727ACA70` FOREIGN KEY (`parent_id`) REFERENCES `xc_orders` (`order_id`) ON DELETE SET NULL,
  ADD CONSTRAINT `FK_72661728F603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_product_classes`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `position`,
  ADD KEY `IDX_DB09304FF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_DB09304FF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
ALTER TABLE `xc_products`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `entityVersion`,
  ADD KEY `IDX_6EC5B6BDF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_6EC5B6BDF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
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
ALTER TABLE `xc_profiles`
  ADD COLUMN `vendorConfig` longtext DEFAULT NULL COMMENT '(DC2Type:array)' AFTER `lastCheckoutEmail`,
  ADD COLUMN `paypalLogin` varchar(255) DEFAULT NULL AFTER `vendorConfig`,
  ADD COLUMN `firstName` varchar(255) DEFAULT NULL AFTER `paypalLogin`,
  ADD COLUMN `lastName` varchar(255) DEFAULT NULL AFTER `firstName`,
  ADD COLUMN `paypalLoginStatus` char(1) NOT NULL AFTER `lastName`,
  ADD COLUMN `bankDetails` longtext DEFAULT NULL AFTER `paypalLoginStatus`,
  ADD COLUMN `lastShippingIdByVendor` longtext DEFAULT NULL COMMENT '(DC2Type:array)' AFTER `bankDetails`,
  ADD COLUMN `specialRevshareFeeDst` decimal(14,4) DEFAULT NULL AFTER `lastShippingIdByVendor`,
  ADD COLUMN `hasSpecialRevshareFeeDst` tinyint(1) NOT NULL AFTER `specialRevshareFeeDst`,
  ADD COLUMN `specialRevshareFeeShipping` decimal(14,4) DEFAULT NULL AFTER `hasSpecialRevshareFeeDst`,
  ADD COLUMN `hasSpecialRevshareFeeShipping` tinyint(1) NOT NULL AFTER `specialRevshareFeeShipping`,
  ADD UNIQUE KEY `UNIQ_564F69D7A4CCF336` (`paypalLogin`);
ALTER TABLE `xc_shipping_methods`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `handlingFeeType`,
  ADD KEY `IDX_76AE154AF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_76AE154AF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
CREATE TABLE `xc_vendor` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `profile_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_626BD930CCFA12B8` (`profile_id`),
  CONSTRAINT `FK_626BD930CCFA12B8` FOREIGN KEY (`profile_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE CASCADE
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
ALTER TABLE `xc_volume_discounts`
  ADD COLUMN `vendor_id` int(11) DEFAULT NULL AFTER `dateRangeEnd`,
  ADD KEY `IDX_7432BEEDF603EE73` (`vendor_id`),
  ADD CONSTRAINT `FK_7432BEEDF603EE73` FOREIGN KEY (`vendor_id`) REFERENCES `xc_profiles` (`profile_id`) ON DELETE SET NULL;
SET FOREIGN_KEY_CHECKS=1;
