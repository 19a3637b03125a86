-- Tables of X-Cart's QSL\ShopByBrand module (5.5.0.29), for tests of a shop that has it.
CREATE TABLE `xc_brands` (
  `brand_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attribute_option_id` int(10) unsigned DEFAULT NULL,
  `position` int(11) NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  PRIMARY KEY (`brand_id`),
  UNIQUE KEY `UNIQ_E9EBAEF21AE56DE9` (`attribute_option_id`),
  UNIQUE KEY `option_brand` (`attribute_option_id`,`brand_id`),
  CONSTRAINT `FK_E9EBAEF21AE56DE9` FOREIGN KEY (`attribute_option_id`) REFERENCES `xc_attribute_options` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_brand_translations` (
  `label_id` int(11) NOT NULL AUTO_INCREMENT,
  `id` int(10) unsigned DEFAULT NULL,
  `description` longtext NOT NULL,
  `metaTitle` varchar(255) NOT NULL,
  `metaDescription` longtext NOT NULL,
  `metaKeywords` longtext NOT NULL,
  `code` char(2) NOT NULL,
  PRIMARY KEY (`label_id`),
  KEY `ci` (`code`,`id`),
  KEY `id` (`id`),
  CONSTRAINT `FK_BD59087ABF396750` FOREIGN KEY (`id`) REFERENCES `xc_brands` (`brand_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `xc_brand_products` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `brand_id` int(10) unsigned DEFAULT NULL,
  `product_id` int(10) unsigned DEFAULT NULL,
  `orderby` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `pair` (`brand_id`,`product_id`),
  KEY `IDX_24E2DE0644F5D008` (`brand_id`),
  KEY `IDX_24E2DE064584665A` (`product_id`),
  KEY `orderby` (`orderby`),
  CONSTRAINT `FK_24E2DE0644F5D008` FOREIGN KEY (`brand_id`) REFERENCES `xc_brands` (`brand_id`) ON DELETE CASCADE,
  CONSTRAINT `FK_24E2DE064584665A` FOREIGN KEY (`product_id`) REFERENCES `xc_products` (`product_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
