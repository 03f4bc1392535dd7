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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobLabels;
import org.jspecify.annotations.Nullable;

/**
 * Renders the viewer's HTML pages: every value from storage or the request is escaped,
 * the only style is one {@code <style>} element allowed by its hash in the
 * Content-Security-Policy, and there is no script.
 */
final class ViewerPages {

	/** The label of the message index, written by the Spring AI integration. */
	static final String MESSAGE_INDEX = "message_index";

	/** The label of the part index, written by the Spring AI integration. */
	static final String PART_INDEX = "part_index";

	/** The label of the use case, written by the Spring AI integration. */
	static final String USE_CASE = "use_case";

	private static final String STYLE = """
			*{box-sizing:border-box}\
			body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f6f8;color:#1f2328}\
			header{background:#1f2937;color:#e5e7eb;padding:10px 24px;display:flex;gap:16px;align-items:baseline}\
			header a{color:#fff;font-weight:600;text-decoration:none}\
			main{max-width:1120px;margin:0 auto;padding:20px 24px 40px}\
			h1{font-size:20px;margin:4px 0}\
			h2{font-size:13px;font-weight:600;margin:0 0 12px;color:#374151}\
			a{color:#0b5cad}\
			code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}\
			h1.mono{font-size:16px;overflow-wrap:anywhere}\
			.muted{color:#6b7280}\
			.span{background:#fff;border:1px solid #dde1e6;border-radius:10px;padding:16px;margin:14px 0;display:grid;grid-template-columns:190px 1fr;gap:16px}\
			.span h2{margin:0}.span h2 .mono{display:block;font-size:13px;color:#111827;margin-top:2px}\
			.span .what{font-size:12px;color:#6b7280;margin-top:6px}\
			.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:14px}\
			.card{border:1px solid #e3e6ea;border-radius:8px;overflow:hidden;background:#fff;display:flex;flex-direction:column}\
			.preview{height:170px;display:flex;align-items:center;justify-content:center;background:#eef1f5;text-decoration:none}\
			.preview img{max-width:100%;max-height:170px;object-fit:contain}\
			.preview audio{width:92%}\
			.preview video{max-width:100%;max-height:170px}\
			.doc{font:600 22px system-ui,sans-serif;color:#6b7280;letter-spacing:1px}\
			.meta{padding:8px 12px 10px;font-size:12px;border-top:1px solid #e3e6ea}\
			.meta .type{font-weight:600;color:#111827}\
			.meta .links a{margin-right:12px}\
			.large{background:#fff;border:1px solid #dde1e6;border-radius:10px;padding:16px;margin:16px 0;text-align:center}\
			.large img,.large video{max-width:100%;max-height:70vh}\
			.large audio{width:100%}\
			dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;background:#fff;border:1px solid #dde1e6;border-radius:10px;padding:16px;margin:16px 0}\
			dt{color:#6b7280}dd{margin:0;overflow-wrap:anywhere}\
			form{display:flex;gap:8px;margin:16px 0}\
			input{flex:1;max-width:420px;padding:6px 10px;border:1px solid #c7ccd3;border-radius:6px;font:13px ui-monospace,monospace}\
			button{padding:6px 14px;border:0;border-radius:6px;background:#1f6feb;color:#fff;font-weight:600}\
			.empty{background:#fff;border:1px dashed #c7ccd3;border-radius:10px;padding:24px;color:#6b7280}\
			@media (max-width:720px){.span{grid-template-columns:1fr}}""";

	/** The Content-Security-Policy of the pages: no script, this style only. */
	static final String CSP = csp(List.of());

	/**
	 * Returns the Content-Security-Policy of the pages, with images and media also
	 * allowed from the given origins (the stores the viewer redirects to).
	 * @param mediaOrigins origins such as {@code https://bucket.s3.amazonaws.com}
	 * @return the policy
	 */
	static String csp(Collection<String> mediaOrigins) {
		String media = "'self'" + mediaOrigins.stream().map((origin) -> " " + origin).collect(Collectors.joining());
		return "default-src 'none'; img-src " + media + "; media-src " + media + "; style-src '" + hash(STYLE)
				+ "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
	}

	private ViewerPages() {
	}

	/**
	 * Renders the start page: a form to open a trace and the use cases that can be read.
	 * @param base the viewer's path, such as {@code /blob-viewer}
	 * @param useCases the readable use cases
	 * @param indexOn whether trace pages are available
	 * @return the page
	 */
	static String index(String base, List<String> useCases, boolean indexOn) {
		StringBuilder html = start(base, "Blob viewer");
		html.append("<h1>Blob viewer</h1>");
		html.append("<p class=\"muted\">Opens the media recorded on your traces. A link from a span reads ")
			.append("<code>")
			.append(escape(base))
			.append("/&lt;use-case&gt;/&lt;object&gt;</code>.</p>");
		if (indexOn) {
			html.append("<form method=\"get\" action=\"")
				.append(escape(base))
				.append("/traces\">")
				.append("<input name=\"id\" placeholder=\"trace id (32 hex characters)\" aria-label=\"trace id\" ")
				.append("autocomplete=\"off\"><button type=\"submit\">Open trace</button></form>");
		}
		else {
			html.append("<p class=\"empty\">The trace index is off: trace pages are not available.</p>");
		}
		html.append("<h2>Readable use cases</h2><p>");
		if (useCases.isEmpty()) {
			html.append("<span class=\"muted\">none: no destination offers a reader</span>");
		}
		for (String useCase : useCases) {
			html.append("<code>").append(escape(useCase)).append("</code> ");
		}
		return end(html.append("</p>"));
	}

	/**
	 * Renders the page of one blob.
	 * @param base the viewer's path
	 * @param path the blob's viewer path
	 * @param storageUri its storage URI
	 * @param contentType its stored content type
	 * @param size its size in bytes
	 * @param labels its stored labels
	 * @return the page
	 */
	static String blob(String base, String path, String storageUri, String contentType, long size,
			Map<String, String> labels) {
		String name = path.substring(path.indexOf('/') + 1);
		StringBuilder html = start(base, name);
		html.append("<h1 class=\"mono\">").append(escape(name)).append("</h1>");
		ServedType type = ServedType.of(contentType);
		html.append("<div class=\"large\">");
		preview(html, base, path, type, contentType, "");
		html.append("</div><dl>");
		row(html, "Content type", escape(contentType));
		row(html, "Size", escape(size(size)));
		row(html, "Use case", escape(path.substring(0, path.indexOf('/'))));
		String traceId = labels.get(BlobLabels.TRACE_ID);
		if (traceId != null) {
			row(html, "Trace",
					TraceIds.isValid(traceId) ? "<a class=\"mono\" href=\"" + escape(base + "/traces/" + traceId)
							+ "\">" + escape(traceId) + "</a>" : "<span class=\"mono\">" + escape(traceId) + "</span>");
		}
		String spanId = labels.get(BlobLabels.SPAN_ID);
		if (spanId != null) {
			row(html, "Span", "<span class=\"mono\">" + escape(spanId) + "</span>");
		}
		optionalRow(html, "Message", labels.get(MESSAGE_INDEX));
		optionalRow(html, "Part", labels.get(PART_INDEX));
		for (Map.Entry<String, String> label : labels.entrySet()) {
			String key = label.getKey();
			if (!key.equals(BlobLabels.TRACE_ID) && !key.equals(BlobLabels.SPAN_ID) && !key.equals(MESSAGE_INDEX)
					&& !key.equals(PART_INDEX)) {
				row(html, "<span class=\"mono\">" + escape(key) + "</span>", escape(label.getValue()));
			}
		}
		row(html, "Storage URI", "<code>" + escape(BlobDestination.withoutCredentials(storageUri)) + "</code>");
		row(html, "Raw bytes", "<a href=\"" + escape(base + "/" + path) + "\">" + escape(base + "/" + path) + "</a>"
				+ (type.inline() ? "" : " <span class=\"muted\">(downloaded as a file)</span>"));
		return end(html.append("</dl>"));
	}

	static void preview(StringBuilder html, String base, String path, ServedType type, String contentType,
			String cssClass) {
		String raw = escape(base + "/" + path);
		String details = escape(base + "/blobs/" + path);
		String open = cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"";
		switch (type.preview()) {
			case "image" -> html.append("<a")
				.append(open)
				.append(" href=\"")
				.append(cssClass.isEmpty() ? raw : details)
				.append("\"><img src=\"")
				.append(raw)
				.append("\" alt=\"")
				.append(escape(contentType))
				.append("\" loading=\"lazy\"></a>");
			case "audio" -> html.append("<div")
				.append(open)
				.append("><audio controls preload=\"metadata\" src=\"")
				.append(raw)
				.append("\"></audio></div>");
			case "video" -> html.append("<div")
				.append(open)
				.append("><video controls preload=\"metadata\" src=\"")
				.append(raw)
				.append("\"></video></div>");
			default -> html.append("<a")
				.append(cssClass.isEmpty() ? " class=\"doc\"" : " class=\"preview doc\"")
				.append(" href=\"")
				.append(cssClass.isEmpty() ? raw : details)
				.append("\">")
				.append(escape(badge(contentType)))
				.append("</a>");
		}
	}

	static void row(StringBuilder html, String name, String valueHtml) {
		html.append("<dt>").append(name).append("</dt><dd>").append(valueHtml).append("</dd>");
	}

	static void optionalRow(StringBuilder html, String name, @Nullable String value) {
		if (value != null) {
			row(html, name, escape(value));
		}
	}

	static StringBuilder start(String base, String title) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<meta name=\"referrer\" content=\"no-referrer\"><title>")
			.append(escape(title))
			.append(" · Blob viewer</title><style>")
			.append(STYLE)
			.append("</style></head><body><header><a href=\"")
			.append(escape(base))
			.append("/\">Blob viewer</a><span class=\"muted\">media recorded on traces</span></header><main>");
		return html;
	}

	static String end(StringBuilder html) {
		return html.append("</main></body></html>").toString();
	}

	/**
	 * Returns a short badge for content without a preview, such as {@code PDF}.
	 * @param contentType the content type
	 * @return the badge
	 */
	static String badge(String contentType) {
		int slash = contentType.indexOf('/');
		int semicolon = contentType.indexOf(';');
		String sub = contentType.substring(slash + 1, (semicolon > slash) ? semicolon : contentType.length()).strip();
		int plus = sub.lastIndexOf('+');
		sub = (plus >= 0) ? sub.substring(plus + 1) : sub;
		return sub.isEmpty() ? "FILE" : sub.substring(0, Math.min(sub.length(), 12)).toUpperCase(Locale.ROOT);
	}

	/**
	 * Formats a size for people.
	 * @param bytes the size in bytes, or a negative number when unknown
	 * @return such as {@code 12.3 KB}
	 */
	static String size(long bytes) {
		if (bytes < 0) {
			return "size unknown";
		}
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	/**
	 * Escapes text for HTML content and quoted attribute values.
	 * @param text the text
	 * @return the escaped text
	 */
	static String escape(String text) {
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	private static String hash(String style) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
