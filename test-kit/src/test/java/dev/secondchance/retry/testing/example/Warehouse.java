package dev.secondchance.retry.testing.example;

import java.io.IOException;

/** The remote system of docs/testing.md's example: answers a stock level, or fails with an I/O error. */
interface Warehouse {

    /**
     * @param sku the item
     * @return how many are in stock
     * @throws IOException when the warehouse cannot be reached
     */
    int stock(String sku) throws IOException;
}
