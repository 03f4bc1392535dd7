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

package io.github.blobupload.export.otel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;

/**
 * A guard for the adapters' tests: turns every GenAI {@code blob} part in a JSON value
 * into a {@code uri} part {@code mem://N} and every {@code data:} URL value into
 * {@code mem://N}, and records what it was given.
 */
final class RecordingGuard implements ExportGuard {

	private static final Pattern BLOB_PART = Pattern.compile(
			"\\{\"type\":\"blob\",\"modality\":\"([a-z]+)\",\"mime_type\":\"([^\"]+)\",\"content\":\"[A-Za-z0-9+/=]+\"\\}");

	final List<String> keys = new CopyOnWriteArrayList<>();

	final List<String> values = new CopyOnWriteArrayList<>();

	final List<ExportContext> items = new CopyOnWriteArrayList<>();

	final List<ExportContext> contexts = new CopyOnWriteArrayList<>();

	private int stored;

	@Override
	public String guard(String key, String value, ExportContext context) {
		this.keys.add(key);
		this.values.add(value);
		this.contexts.add(context);
		if (value.startsWith("data:")) {
			return "mem://" + (++this.stored);
		}
		Matcher blob = BLOB_PART.matcher(value);
		if (!blob.find()) {
			return value;
		}
		StringBuilder result = new StringBuilder();
		do {
			blob.appendReplacement(result, Matcher.quoteReplacement("{\"type\":\"uri\",\"modality\":\"" + blob.group(1)
					+ "\",\"mime_type\":\"" + blob.group(2) + "\",\"uri\":\"mem://" + (++this.stored) + "\"}"));
		}
		while (blob.find());
		blob.appendTail(result);
		return result.toString();
	}

	@Override
	public void itemExamined(ExportContext context) {
		this.items.add(context);
	}

}
