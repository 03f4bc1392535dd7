package io.github.blobupload.internal;

/**
 * The one check that a value can travel as an HTTP header (a content type, in the end) as
 * is: printable ASCII only, so no line break can inject a header and no store rejects it.
 */
public final class HeaderValues {

	private HeaderValues() {
	}

	/**
	 * Returns where the value first holds a control or non-ASCII character.
	 * @param value the value
	 * @return the offset of the first such character, or {@code -1} if there is none
	 */
	public static int indexOfUnsafe(CharSequence value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c >= 0x7f) {
				return i;
			}
		}
		return -1;
	}

}
