package dev.kestrasdk.runner.language.javascript;

import org.graalvm.polyglot.HostAccess;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The host side of Node's {@code crypto} (hashes, HMACs, random bytes) and {@code zlib} (gzip, deflate and their
 * inverses), which need the JDK: {@code node/crypto.js} and {@code node/zlib.js}. Bytes cross as Latin-1 strings.
 * A failure returns {@code null}; {@link #lastError()} says why, as {@code CODE: message}.
 */
public final class NodeCrypto {
    private static final Map<String, String> DIGESTS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "sha3-256", "SHA3-256", "sha3-512", "SHA3-512");
    private final SecureRandom random = new SecureRandom();
    private String lastError;

    @HostAccess.Export
    public String lastError() {
        return lastError;
    }

    @HostAccess.Export
    public String hash(String algorithm, String data) {
        String name = DIGESTS.get(algorithm.toLowerCase(Locale.ROOT));
        if (name == null) {
            return fail("ERR_OSSL_EVP_UNSUPPORTED", "Digest method not supported");
        }
        try {
            return latin1(MessageDigest.getInstance(name).digest(bytes(data)));
        } catch (GeneralSecurityException e) {
            return fail("ERR_OSSL_EVP_UNSUPPORTED", e.getMessage());
        }
    }

    @HostAccess.Export
    public String hmac(String algorithm, String key, String data) {
        String name = DIGESTS.get(algorithm.toLowerCase(Locale.ROOT));
        if (name == null || name.startsWith("SHA3")) {
            return fail("ERR_OSSL_EVP_UNSUPPORTED", "Invalid digest: " + algorithm);
        }
        try {
            String mac = "Hmac" + name.replace("-", "");
            Mac m = Mac.getInstance(mac);
            byte[] k = bytes(key);
            // an empty key is valid for HMAC but not for SecretKeySpec; one zero byte pads to the same block
            m.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, mac));
            return latin1(m.doFinal(bytes(data)));
        } catch (GeneralSecurityException e) {
            return fail("ERR_CRYPTO_INVALID_DIGEST", e.getMessage());
        }
    }

    @HostAccess.Export
    public String randomBytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return latin1(b);
    }

    @HostAccess.Export
    public String randomUUID() {
        return UUID.randomUUID().toString();
    }

    /** {@code format}: gzip, deflate (zlib) or raw; {@code level} -1 for the default. */
    @HostAccess.Export
    public String compress(String format, String data, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(level, format.equals("raw"));
        try {
            if (format.equals("gzip")) {
                try (GZIPOutputStream gzip = new GZIPOutputStream(out) { { def.setLevel(level); } }) {
                    gzip.write(bytes(data));
                }
            } else {
                try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, deflater)) {
                    deflate.write(bytes(data));
                }
            }
            return latin1(out.toByteArray());
        } catch (IOException e) {
            return fail("Z_DATA_ERROR", e.getMessage());
        } finally {
            deflater.end();
        }
    }

    /** {@code format}: gzip, deflate (zlib), raw, or unzip (gzip or zlib, as the header says). */
    @HostAccess.Export
    public String decompress(String format, String data) {
        byte[] in = bytes(data);
        boolean gzip = format.equals("gzip") || (format.equals("unzip") && in.length > 1 && (in[0] & 0xff) == 0x1f
                && (in[1] & 0xff) == 0x8b);
        Inflater inflater = new Inflater(format.equals("raw"));
        try (InputStream stream = gzip ? new GZIPInputStream(new ByteArrayInputStream(in))
                : new InflaterInputStream(new ByteArrayInputStream(in), inflater)) {
            return latin1(stream.readAllBytes());
        } catch (ZipException e) {
            return fail("Z_DATA_ERROR", gzip ? "incorrect header check" : String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return fail("Z_BUF_ERROR", "unexpected end of file");
        } finally {
            inflater.end();
        }
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private <T> T fail(String code, String message) {
        lastError = code + ": " + message;
        return null;
    }
}
