/** The pipeline's HTTP endpoints: health and Prometheus metrics, off the processing threads. */
package dev.newsflow.app.monitor;
