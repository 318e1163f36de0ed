/**
 * Sample data: the {@code seed} command fills a database with assets, license seats, vendors and retirements in
 * every stage, through the other modules' APIs, for demonstrations and the page-time benchmark. Nothing depends on
 * this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sample data")
package com.itadcustody.seed;
