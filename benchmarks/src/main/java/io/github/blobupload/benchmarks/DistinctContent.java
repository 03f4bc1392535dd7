package io.github.blobupload.benchmarks;

/**
 * Makes each benchmark blob distinct cheaply: a counter written into the first 8 bytes of
 * a random template, so that neither content-addressed naming, the engine's dedupe nor
 * the offloader's memo can short-cut the work being measured.
 */
final class DistinctContent {

	private DistinctContent() {
	}

	/**
	 * Writes the counter into the first 8 bytes of the content (little-endian).
	 * @param content the content, modified in place; at least 8 bytes
	 * @param counter the counter
	 * @return {@code content}
	 */
	static byte[] stamp(byte[] content, long counter) {
		for (int i = 0; i < Long.BYTES; i++) {
			content[i] = (byte) (counter >>> (8 * i));
		}
		return content;
	}

	/**
	 * Returns a copy of the template with the counter in its first 8 bytes.
	 * @param template the template, left unchanged
	 * @param counter the counter
	 * @return a new array
	 */
	static byte[] copyOf(byte[] template, long counter) {
		return stamp(template.clone(), counter);
	}

}
