/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import static io.github.blobupload.viewer.ViewerPages.MESSAGE_INDEX;
import static io.github.blobupload.viewer.ViewerPages.PART_INDEX;
import static io.github.blobupload.viewer.ViewerPages.badge;
import static io.github.blobupload.viewer.ViewerPages.end;
import static io.github.blobupload.viewer.ViewerPages.escape;
import static io.github.blobupload.viewer.ViewerPages.preview;
import static io.github.blobupload.viewer.ViewerPages.size;
import static io.github.blobupload.viewer.ViewerPages.start;

/**
 * Renders the page of a trace: its media from the {@link TraceIndex}, grouped by span,
 * each span with its origin (the service that recorded it, or "unknown service"), with
 * the same escaping and policy as every page of the viewer ({@link ViewerPages}). A trace
 * id is chosen by whoever starts the trace, and an inbound {@code traceparent} continues
 * it, so the page lists the media of every service sharing the storage that recorded that
 * id; when they are several, the page says so above the spans.
 */
final class TracePage {

	private TracePage() {
	}

	/**
	 * Renders the page of a trace: its media grouped by span.
	 * @param base the viewer's path
	 * @param traceId the trace id
	 * @param blobs the media the index lists for it
	 * @param pathOf the viewer path of a storage URI, if the viewer can read it
	 * @return the page
	 */
	static String render(String base, String traceId, List<IndexedBlob> blobs,
			Function<String, Optional<String>> pathOf) {
		StringBuilder html = start(base, "Trace " + traceId);
		html.append("<h1>Trace <span class=\"mono\">").append(escape(traceId)).append("</span></h1>");
		Map<String, List<IndexedBlob>> bySpan = new LinkedHashMap<>();
		for (IndexedBlob blob : blobs) {
			bySpan.computeIfAbsent((blob.spanId() != null) ? blob.spanId() : "", (key) -> new ArrayList<>()).add(blob);
		}
		List<String> services = blobs.stream().map(TracePage::origin).distinct().toList();
		html.append("<p class=\"muted\">")
			.append(count(blobs.size(), "media file"))
			.append(" in ")
			.append(count(bySpan.size(), "span"))
			.append(services.isEmpty() ? "" : " from " + escape(String.join(", ", services)))
			.append("</p>");
		if (services.size() > 1) {
			html.append("<p class=\"muted\">Recorded by ")
				.append(count(services.size(), "service"))
				.append(". A trace id comes from whoever starts the trace, and a caller's traceparent header "
						+ "continues it: any service sharing this storage, called with this trace id, adds its "
						+ "media here. Each span shows the service that recorded it.</p>");
		}
		if (blobs.isEmpty()) {
			html.append("<p class=\"empty\">No media was recorded for this trace (or it is not indexed yet).</p>");
		}
		for (Map.Entry<String, List<IndexedBlob>> span : bySpan.entrySet()) {
			html.append("<section class=\"span\"><div><h2>Span <span class=\"mono\">")
				.append(span.getKey().isEmpty() ? "(none)" : escape(span.getKey()))
				.append("</span></h2><div class=\"what\">")
				.append(escape(String.join(", ", span.getValue().stream().map(TracePage::origin).distinct().toList())))
				.append(" · ")
				.append(escape(count(span.getValue().size(), "media file")))
				.append(" · ")
				.append(escape(
						String.join(", ", span.getValue().stream().map(IndexedBlob::useCase).distinct().toList())))
				.append("</div></div><div class=\"grid\">");
			for (IndexedBlob blob : span.getValue()) {
				card(html, base, blob, pathOf.apply(blob.storageUri()).orElse(null));
			}
			html.append("</div></section>");
		}
		return end(html);
	}

	private static String origin(IndexedBlob blob) {
		return (blob.service() != null) ? blob.service() : "unknown service";
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private static void card(StringBuilder html, String base, IndexedBlob blob, @Nullable String path) {
		ServedType type = ServedType.of(blob.contentType());
		html.append("<article class=\"card\">");
		if (path == null) {
			html.append("<div class=\"preview doc\">").append(escape(badge(blob.contentType()))).append("</div>");
		}
		else {
			preview(html, base, path, type, blob.contentType(), "preview");
		}
		html.append("<div class=\"meta\"><div class=\"type\">")
			.append(escape(blob.contentType()))
			.append(" <span class=\"muted\">· ")
			.append(escape(size(blob.size())))
			.append("</span></div><div>")
			.append(escape(blob.useCase()));
		position(html, blob.labels());
		html.append("</div>");
		if (path != null) {
			html.append("<div class=\"links\"><a href=\"")
				.append(escape(base + "/blobs/" + path))
				.append("\">Details</a><a href=\"")
				.append(escape(base + "/" + path))
				.append("\">Raw bytes</a></div>");
		}
		else {
			html.append("<div class=\"muted\">not readable by this viewer</div>");
		}
		html.append("</div></article>");
	}

	private static void position(StringBuilder html, Map<String, String> labels) {
		String message = labels.get(MESSAGE_INDEX);
		String part = labels.get(PART_INDEX);
		if (message != null) {
			html.append(" · message ").append(escape(message));
		}
		if (part != null) {
			html.append(" · part ").append(escape(part));
		}
	}

}
