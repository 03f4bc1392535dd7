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

package io.github.blobupload.internal;

import java.util.regex.Pattern;

/**
 * The one place that takes secrets out of text before it is shown: a URI prefix in a log
 * line or on a page, a storage client's error message in a log line, an exception or
 * health details. It removes user information ({@code s3://key:secret@bucket}), every
 * query string of a URI (SAS tokens, {@code X-Amz-Signature}, {@code X-Goog-Signature}
 * and their credentials travel there), and the values of secret settings in connection
 * strings and messages ({@code AccountKey=...}, {@code sig=...}, {@code password=...}).
 * <p>
 * Signed URLs that the {@code signed-urls} feature records on spans on purpose never pass
 * through it: they are the product there, not a leak.
 */
public final class Redactor {

	/** What stands where a secret was. */
	public static final String REDACTED = "(redacted)";

	private static final String SCHEME = "\\b[A-Za-z][A-Za-z0-9+.-]*://";

	// Up to the last '@' of the token: a password may hold '/' or '@' unencoded.
	private static final Pattern USER_INFO = Pattern.compile("(" + SCHEME + ")[^\\s'\"<>]*@");

	private static final Pattern URI_USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^?#]*@");

	private static final Pattern QUERY = Pattern.compile("(" + SCHEME + "[^\\s?#'\"<>]*)\\?[^\\s'\"<>]*");

	private static final Pattern SECRETS = Pattern.compile("(?i)\\b(AccountKey|SharedAccessSignature|sig|signature"
			+ "|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|X-Goog-Signature|X-Goog-Credential"
			+ "|password|passwd|secret|client_secret|token|access_token|api[-_]?key)=[^;&\\s'\"<>]+");

	private Redactor() {
	}

	/**
	 * Returns a URI (a URI prefix, a storage URI) as it may be shown: without user
	 * information and with its query string replaced by {@value #REDACTED}.
	 * @param uri the URI as configured or recorded
	 * @return the URI without credentials, such as {@code azblob://acct/c/p?(redacted)}
	 * for {@code azblob://acct/c/p?sv=2022-11-02&sig=...}
	 */
	public static String uri(String uri) {
		// Up to the last '@' before the query: object keys never hold one.
		String text = URI_USER_INFO.matcher(uri).replaceFirst("$1");
		int query = text.indexOf('?');
		return (query >= 0) ? text.substring(0, query + 1) + REDACTED : text;
	}

	/**
	 * Returns free text (an error message, a log argument) as it may be shown: the user
	 * information and the query string of every URI in it replaced by {@value #REDACTED},
	 * and the values of secret settings ({@code AccountKey=}, {@code sig=},
	 * {@code password=}, ...) replaced by {@value #REDACTED}.
	 * @param text the text
	 * @return the text without credentials
	 */
	public static String text(String text) {
		String redacted = USER_INFO.matcher(text).replaceAll("$1" + REDACTED + "@");
		redacted = QUERY.matcher(redacted).replaceAll("$1?" + REDACTED);
		return SECRETS.matcher(redacted).replaceAll("$1=" + REDACTED);
	}

}
