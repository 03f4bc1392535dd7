package io.github.blobupload.sample.ai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Keeps finished spans in memory so that the sample can print them; a real application
 * exports them with OTLP instead.
 */
final class CollectingSpanExporter implements SpanExporter {

	private final List<SpanData> spans = new ArrayList<>();

	@Override
	public synchronized CompletableResultCode export(Collection<SpanData> batch) {
		this.spans.addAll(batch);
		return CompletableResultCode.ofSuccess();
	}

	synchronized List<SpanData> spans() {
		return List.copyOf(this.spans);
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

}
