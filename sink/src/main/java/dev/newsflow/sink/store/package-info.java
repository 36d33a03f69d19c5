/**
 * The sink's targets behind one interface: a batch is durable when {@code write} returns; failures
 * say whether a retry may help.
 */
package dev.newsflow.sink.store;
