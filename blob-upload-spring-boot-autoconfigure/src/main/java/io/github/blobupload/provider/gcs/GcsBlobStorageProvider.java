package io.github.blobupload.provider.gcs;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.cloud.storage.Storage;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.ObjectKeys;
import org.jspecify.annotations.Nullable;

/**
 * Provides {@code gs://BUCKET[/prefix]} prefixes: Google Cloud Storage. Creating an
 * uploader checks the prefix only; the client is obtained on the first upload.
 */
public class GcsBlobStorageProvider implements BlobStorageProvider {

	/** The scheme served. */
	public static final String SCHEME = "gs";

	private static final String EXAMPLE = "gs://my-bucket or gs://my-bucket/genai/blobs";

	// Bucket naming rules: 3-63 characters (up to 222 with dots), lower-case letters,
	// digits, '-', '_' and '.', starting and ending with a letter or digit.
	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

	private final Supplier<Storage> storage;

	private final GcsUploadOptions options;

	private final @Nullable Supplier<GcsUrlSigner> signer;

	/**
	 * Creates a provider.
	 * @param storage gives the client, called on an upload worker at each upload (see
	 * {@link GcsBlobUploader})
	 * @param options how objects are written
	 * @param signer gives the signer of the URLs returned as destinations, called once
	 * per uploader when it is created; {@code null} to return {@code gs://} URIs
	 */
	public GcsBlobStorageProvider(Supplier<Storage> storage, GcsUploadOptions options,
			@Nullable Supplier<GcsUrlSigner> signer) {
		this.storage = Objects.requireNonNull(storage, "storage must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.signer = signer;
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	/**
	 * Creates an uploader for a {@code gs://} prefix.
	 * @throws IllegalArgumentException if the prefix is malformed, or if signed URLs are
	 * on and the credentials cannot sign
	 */
	@Override
	public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
		Location location = parse(uriPrefix);
		GcsUrlSigner urlSigner = (this.signer != null) ? this.signer.get() : null;
		return new GcsBlobUploader(location.bucket(), location.path(), naming, this.storage, this.options, urlSigner);
	}

	/**
	 * Parses a {@code gs://} prefix.
	 * @param uriPrefix the prefix
	 * @return the bucket and the object-name prefix
	 * @throws IllegalArgumentException if the prefix is not a usable {@code gs://} prefix
	 */
	static Location parse(String uriPrefix) {
		String scheme = SCHEME + "://";
		if (!uriPrefix.toLowerCase(Locale.ROOT).startsWith(scheme)) {
			throw new IllegalArgumentException("'" + uriPrefix + "' is not a gs:// prefix; use for example " + EXAMPLE);
		}
		String rest = uriPrefix.substring(scheme.length());
		if (rest.contains("?") || rest.contains("#")) {
			throw new IllegalArgumentException(
					"'" + uriPrefix + "' must not have a query or fragment; use for example " + EXAMPLE);
		}
		int slash = rest.indexOf('/');
		String bucket = (slash < 0) ? rest : rest.substring(0, slash);
		String path = (slash < 0) ? "" : rest.substring(slash + 1);
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (bucket.isEmpty()) {
			throw new IllegalArgumentException("'" + uriPrefix + "' names no bucket; use for example " + EXAMPLE);
		}
		if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")
				|| (bucket.length() > 63 && !bucket.contains("."))) {
			throw new IllegalArgumentException("'" + bucket + "' in '" + uriPrefix + "' is not a valid bucket name: "
					+ "use 3 to 63 lower-case letters, digits, '-', '_' or '.', starting and ending with a letter or "
					+ "digit; for example " + EXAMPLE);
		}
		if (!ObjectKeys.isSafePath(path)) {
			throw new IllegalArgumentException("The path '" + path + "' in '" + uriPrefix + "' may only hold the "
					+ "characters A-Z a-z 0-9 . _ - and '/' between non-empty segments that do not start with a dot; "
					+ "for example " + EXAMPLE);
		}
		return new Location(bucket, path);
	}

	/**
	 * A parsed prefix.
	 * @param bucket the bucket
	 * @param path the object-name prefix, possibly empty
	 */
	record Location(String bucket, String path) {
	}

}
