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

package io.github.blobupload.export.media;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.blobupload.ai.MediaModality;
import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuardListener;
import io.github.blobupload.internal.JsonQuoting;
import io.github.blobupload.internal.JsonTree;
import org.jspecify.annotations.Nullable;

/**
 * The rewrite of one string value: finds its inline media, has each piece stored and
 * builds the value to export, copying everything it does not replace as it was.
 */
final class MediaRewrite {

	/** The {@code stripped_reason} of a {@code blob} part whose content is not base64. */
	static final String MALFORMED_CONTENT = "malformed_content";

	/** The {@code stripped_reason} of a {@code data:} URL cut short. */
	static final String TRUNCATED = "truncated";

	private final String text;

	private final ExportContext context;

	private final MediaStore store;

	private final int examineAtLeast;

	private final Consumer<Consumer<ExportGuardListener>> listeners;

	private final List<Replacement> replacements = new ArrayList<>();

	MediaRewrite(String text, ExportContext context, MediaStore store, int examineAtLeast,
			Consumer<Consumer<ExportGuardListener>> listeners) {
		this.text = text;
		this.context = context;
		this.store = store;
		this.examineAtLeast = examineAtLeast;
		this.listeners = listeners;
	}

	/**
	 * Returns what to export for a value that is a {@code data:} URL as a whole: the
	 * stored blob's URI, {@code /dev/null}, or the value when it is kept inline.
	 * @return the value to export
	 */
	String wholeDataUrl() {
		MediaStore.Stored stored = storeDataUrl(this.text, null, 0, 0);
		if (stored.inline()) {
			return this.text;
		}
		counted(stored, null);
		return stored.uri();
	}

	/**
	 * Returns what to export for a value read as JSON.
	 * @param tree the value as read by {@link JsonTree}
	 * @return the value to export: the same instance when nothing changed
	 */
	String json(Object tree) {
		walk(tree, 0, 0, 0);
		if (this.replacements.isEmpty()) {
			return this.text;
		}
		this.replacements.sort((a, b) -> Integer.compare(a.start(), b.start()));
		StringBuilder result = new StringBuilder();
		int copied = 0;
		for (Replacement replacement : this.replacements) {
			result.append(this.text, copied, replacement.start()).append(replacement.text());
			copied = replacement.end();
		}
		return result.append(this.text, copied, this.text.length()).toString();
	}

	private void walk(Object node, int lists, int messageIndex, int partIndex) {
		if (node instanceof JsonTree.Obj object) {
			visit(object, lists, messageIndex, partIndex);
		}
		else if (node instanceof List<?> elements) {
			for (int i = 0; i < elements.size(); i++) {
				if (lists == 0) {
					walk(elements.get(i), 1, i, 0);
				}
				else {
					walk(elements.get(i), lists + 1, messageIndex, i);
				}
			}
		}
	}

	private void visit(JsonTree.Obj object, int lists, int messageIndex, int partIndex) {
		String type = object.string("type");
		String mimeType = object.string("mime_type");
		if ("blob".equals(type) && object.members().get("content") instanceof JsonTree.Str content) {
			MediaStore.Stored stored;
			try {
				byte[] bytes = Base64.getDecoder().decode(content.value());
				stored = this.store.store(content.value(), bytes, mimeType, this.context, messageIndex, partIndex);
			}
			catch (IllegalArgumentException ex) {
				stored = MediaStore.Stored.marker(MALFORMED_CONTENT);
			}
			replacePart(object, stored, mimeType);
			return;
		}
		String uri = object.string("uri");
		if ("uri".equals(type) && uri != null && DataUrls.isDataUrl(uri)) {
			replacePart(object, storeDataUrl(uri, mimeType, messageIndex, partIndex), mimeType);
			return;
		}
		for (Map.Entry<String, Object> member : object.members().entrySet()) {
			if (member.getValue() instanceof JsonTree.Str string && DataUrls.isDataUrl(string.value())
					&& string.value().length() >= this.examineAtLeast) {
				MediaStore.Stored stored = storeDataUrl(string.value(), null, messageIndex, partIndex);
				if (!stored.inline()) {
					counted(stored, null);
					this.replacements
						.add(new Replacement(string.start(), string.end(), JsonQuoting.quote(stored.uri())));
				}
			}
			else {
				walk(member.getValue(), lists, messageIndex, partIndex);
			}
		}
	}

	private MediaStore.Stored storeDataUrl(String dataUrl, @Nullable String mimeType, int messageIndex, int partIndex) {
		if (DataUrls.isCutShort(dataUrl)) {
			return MediaStore.Stored.marker(TRUNCATED);
		}
		return this.store.store(dataUrl, dataUrl, mimeType, this.context, messageIndex, partIndex);
	}

	private void replacePart(JsonTree.Obj part, MediaStore.Stored stored, @Nullable String mimeType) {
		if (stored.inline()) {
			return;
		}
		String type = (mimeType != null) ? mimeType : stored.contentType();
		String modality = part.string("modality");
		if (modality == null) {
			modality = MediaModality.of((type != null) ? type : "application/octet-stream");
		}
		StringBuilder json = new StringBuilder("{\"type\":\"uri\",\"modality\":").append(JsonQuoting.quote(modality));
		if (type != null) {
			json.append(",\"mime_type\":").append(JsonQuoting.quote(type));
		}
		json.append(",\"uri\":").append(JsonQuoting.quote(stored.uri()));
		if (stored.strippedReason() != null) {
			json.append(",\"stripped_reason\":").append(JsonQuoting.quote(stored.strippedReason()));
		}
		this.replacements.add(new Replacement(part.start(), part.end(), json.append('}').toString()));
		counted(stored, modality);
	}

	private void counted(MediaStore.Stored stored, @Nullable String modality) {
		String reason = stored.strippedReason();
		if (reason != null) {
			this.listeners.accept((listener) -> listener.markerWritten(this.context.signal(), reason));
		}
		else {
			String partModality = (modality != null) ? modality : MediaModality
				.of((stored.contentType() != null) ? stored.contentType() : "application/octet-stream");
			this.listeners.accept((listener) -> listener.partOffloaded(this.context.signal(), partModality));
		}
	}

	/**
	 * A piece of the text replaced.
	 *
	 * @param start where it starts
	 * @param end where it ends (exclusive)
	 * @param text what replaces it
	 */
	private record Replacement(int start, int end, String text) {

	}

}
