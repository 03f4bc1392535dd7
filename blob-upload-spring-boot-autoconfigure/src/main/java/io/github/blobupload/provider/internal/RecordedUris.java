package io.github.blobupload.provider.internal;

import io.github.blobupload.provider.ObjectKeys;

/**
 * Maps a recorded destination URI back to the object it stands for, for providers whose
 * recorded URI is either {@code <uriPrefix><name>} or a signed HTTPS URL whose path ends
 * with the object's full name.
 */
public final class RecordedUris {

	private RecordedUris() {
	}

	/**
	 * Returns the object name (the last path segment) a recorded URI stands for.
	 * @param uri the recorded URI: the uploader's canonical prefix followed by the name,
	 * or an {@code http(s)} URL (a signed URL; its query is ignored)
	 * @param uriPrefix the uploader's canonical prefix, ending with {@code /}
	 * @param signedPathPrefix what the path of a signed URL must hold just before the
	 * name, starting with {@code /} (for example {@code /container/prefix/})
	 * @return the name, a single safe segment
	 * @throws IllegalArgumentException if the URI is not one of the uploader's, or the
	 * name is not a single safe segment
	 */
	public static String objectName(String uri, String uriPrefix, String signedPathPrefix) {
		String name;
		if (uri.startsWith(uriPrefix)) {
			name = uri.substring(uriPrefix.length());
		}
		else if (uri.startsWith("https://") || uri.startsWith("http://")) {
			int query = uri.indexOf('?');
			String path = (query < 0) ? uri : uri.substring(0, query);
			name = path.substring(path.lastIndexOf('/') + 1);
			if (!path.endsWith(signedPathPrefix + name)) {
				throw new IllegalArgumentException("'" + path + "' is not under " + uriPrefix);
			}
		}
		else {
			throw new IllegalArgumentException("'" + uri + "' is not under " + uriPrefix);
		}
		if (name.isEmpty() || name.indexOf('/') >= 0 || !ObjectKeys.isSafePath(name)) {
			throw new IllegalArgumentException("'" + uri + "' holds an unsafe object name");
		}
		return name;
	}

}
