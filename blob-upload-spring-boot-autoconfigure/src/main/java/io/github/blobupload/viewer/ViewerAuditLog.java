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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's read record as a log: one INFO line per read on the dedicated logger
 * {@value #LOGGER}, such as <pre class="code">
 * Blob viewer read: principal=ops peer=10.0.0.7 page=raw use-case=chat-input object=ab12.png status=200
 * </pre> A value made of anything but letters, digits and {@code . _ - : @ /} is quoted,
 * with quotes, backslashes, control, separator and format characters escaped, and cut to
 * {@value #MAX_VALUE_LENGTH} characters, so that no value can forge a line or hide part
 * of one. Turn it off with {@code logging.level.io.github.blobupload.viewer.audit=off}.
 */
public final class ViewerAuditLog implements ViewerReadListener {

	/** The logger's name. */
	public static final String LOGGER = "io.github.blobupload.viewer.audit";

	/** The longest value written; longer ones are cut. */
	static final int MAX_VALUE_LENGTH = 200;

	private final Logger logger;

	/** Creates the log on the {@value #LOGGER} logger. */
	public ViewerAuditLog() {
		this(LoggerFactory.getLogger(LOGGER));
	}

	ViewerAuditLog(Logger logger) {
		this.logger = logger;
	}

	@Override
	public void onRead(ViewerRead read) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		this.logger.info("Blob viewer read: principal={} peer={} page={} use-case={} object={} status={}",
				value(read.principal()), value(read.peerAddress()), read.page().tag(), value(read.useCase()),
				value(read.object()), read.status());
	}

	/**
	 * Returns a value as the log writes it: as is when it is made of safe characters,
	 * else quoted and escaped; {@code -} for none.
	 * @param value the value, or {@code null}
	 * @return the value to write
	 */
	static String value(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "-";
		}
		boolean cut = value.length() > MAX_VALUE_LENGTH;
		String kept = cut ? value.substring(0, MAX_VALUE_LENGTH) : value;
		if (!cut && isSafe(kept)) {
			return kept;
		}
		StringBuilder quoted = new StringBuilder(kept.length() + 8).append('"');
		kept.codePoints().forEach((c) -> {
			if (c == '"' || c == '\\') {
				quoted.append('\\').appendCodePoint(c);
			}
			else if (isHidden(c)) {
				quoted.append(String.format("\\u%04x", c));
			}
			else {
				quoted.appendCodePoint(c);
			}
		});
		return quoted.append(cut ? "...\"" : "\"").toString();
	}

	private static boolean isSafe(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-' || c == ':' || c == '@' || c == '/';
			if (!safe) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHidden(int c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE;
	}

}
