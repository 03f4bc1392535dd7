package io.github.blobupload.internal;

/**
 * The smallest JSON helper: string quoting per RFC 8259, so the core needs no JSON
 * library.
 */
public final class Json {

	private Json() {
	}

	/**
	 * Quotes a string as a JSON string literal, escaping quotes, backslashes and every
	 * control character.
	 * @param value the string
	 * @return the quoted literal
	 */
	public static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
