package org.switchboard.demand.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Finds out how a file's bytes are text. In this order:
 * <ol>
 * <li>a byte-order mark: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE);
 * <li>UTF-16 without a mark, told by the zero bytes of its ASCII characters;
 * <li>bytes that are valid UTF-8 (plain ASCII is UTF-8 too), or mostly valid UTF-8 with a few broken sequences
 * (then reading it names the broken line instead of guessing another encoding and garbling every letter);
 * <li>otherwise a single-byte encoding. Among the Cyrillic ones (windows-1251, KOI8-R, IBM866, ISO-8859-5) a
 * score of Russian letter frequencies and letter case decides: juniversalchardet alone read upper-case names
 * such as "СЧЕТА" wrongly in most cases on short files, the score read every one of 1,440 short samples right
 * (TextEncodingTest). juniversalchardet still decides when the text is not Cyrillic (e.g. windows-1252).
 * </ol>
 * The same pass computes the file's SHA-256 for the imports log. The user can always choose another encoding
 * in the preview (or with {@code encoding=} in the API); reading then refuses text that does not decode.
 */
final class TextEncoding {

    /** The encodings offered for choosing; any other name Java knows is accepted too. */
    static final List<String> OFFERED = List.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1251", "KOI8-R", "IBM866",
            "ISO-8859-5", "x-MacCyrillic", "windows-1252", "ISO-8859-15");

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final List<Charset> CYRILLIC = List.of(WINDOWS_1251, Charset.forName("KOI8-R"),
            Charset.forName("IBM866"), Charset.forName("ISO-8859-5"));
    private static final Set<String> CYRILLIC_NAMES = Set.of("WINDOWS-1251", "KOI8-R", "KOI8-U", "IBM866", "IBM855",
            "ISO-8859-5", "MACCYRILLIC", "X-MAC-CYRILLIC");

    /** What a scan of the file found. */
    record Scan(Charset charset, String reason, String sha256) {}

    private static final int SAMPLE_BYTES = 256 * 1024;
    private static final int ZERO_PROBE_BYTES = 64 * 1024;

    private TextEncoding() {}

    /** Reads the whole file once: its encoding and SHA-256. */
    static Scan scan(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] head = new byte[4];
        int headLength = 0;
        Utf8Check utf8 = new Utf8Check();
        Sampler sampler = new Sampler();
        long[] zeros = new long[2]; // at even and odd positions of the first bytes
        long position = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
            for (int i = 0; i < n && headLength < 4; i++) {
                head[headLength++] = buffer[i];
            }
            if (position < ZERO_PROBE_BYTES) {
                countZeros(buffer, (int) Math.min(n, ZERO_PROBE_BYTES - position), position, zeros);
            }
            position += n;
            utf8.accept(buffer, n);
            sampler.accept(buffer, n);
        }
        byte[] sample = sampler.sample();
        long zeroEven = zeros[0];
        long zeroOdd = zeros[1];
        String sha256 = HexFormat.of().formatHex(sha.digest());
        Charset bom = byteOrderMark(head, headLength);
        if (bom != null) {
            return new Scan(bom, "byte-order mark", sha256);
        }
        long probed = Math.min(position, ZERO_PROBE_BYTES);
        if (probed >= 8 && zeroOdd > probed / 2 * 0.4 && zeroEven < probed / 2 * 0.05) {
            return new Scan(StandardCharsets.UTF_16LE, "zero bytes of UTF-16 text", sha256);
        }
        if (probed >= 8 && zeroEven > probed / 2 * 0.4 && zeroOdd < probed / 2 * 0.05) {
            return new Scan(StandardCharsets.UTF_16BE, "zero bytes of UTF-16 text", sha256);
        }
        utf8.end();
        if (utf8.invalid == 0) {
            return new Scan(StandardCharsets.UTF_8, utf8.multiByte == 0 ? "plain ASCII" : "valid UTF-8", sha256);
        }
        if (utf8.multiByte > 0 && utf8.multiByte >= 10 * utf8.invalid) {
            return new Scan(StandardCharsets.UTF_8, "mostly valid UTF-8", sha256);
        }
        return singleByte(sample, sha256);
    }

    private static void countZeros(byte[] bytes, int n, long position, long[] zeros) {
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                zeros[(int) ((position + i) & 1)]++;
            }
        }
    }

    /** Keeps the lines with non-ASCII bytes (up to {@value #SAMPLE_BYTES} bytes): what the guessing looks at. */
    private static final class Sampler {
        private final ByteArrayOutputStream sample = new ByteArrayOutputStream();
        private final byte[] line = new byte[4096];
        private int length;
        private boolean highByte;
        private boolean full;

        void accept(byte[] bytes, int n) {
            for (int i = 0; i < n && !full; i++) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    endLine();
                } else if (length < line.length) {
                    line[length++] = b;
                    highByte |= b < 0;
                }
            }
        }

        private void endLine() {
            if (highByte) {
                sample.write(line, 0, length);
                sample.write('\n');
                full = sample.size() >= SAMPLE_BYTES;
            }
            length = 0;
            highByte = false;
        }

        byte[] sample() {
            if (!full) {
                endLine();
            }
            return sample.toByteArray();
        }
    }

    private static Charset byteOrderMark(byte[] h, int n) {
        if (n >= 4 && h[0] == (byte) 0xFF && h[1] == (byte) 0xFE && h[2] == 0 && h[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (n >= 4 && h[0] == 0 && h[1] == 0 && h[2] == (byte) 0xFE && h[3] == (byte) 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (n >= 3 && h[0] == (byte) 0xEF && h[1] == (byte) 0xBB && h[2] == (byte) 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && h[0] == (byte) 0xFF && h[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && h[0] == (byte) 0xFE && h[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static Scan singleByte(byte[] sample, String sha256) {
        Charset best = null;
        CyrillicScore bestScore = null;
        for (Charset c : CYRILLIC) {
            CyrillicScore s = CyrillicScore.of(new String(sample, c));
            if (bestScore == null || s.value() > bestScore.value()) {
                best = c;
                bestScore = s;
            }
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, sample.length);
        detector.dataEnd();
        String guessed = detector.getDetectedCharset();
        boolean cyrillicGuess = guessed != null && CYRILLIC_NAMES.contains(guessed.toUpperCase(Locale.ROOT));
        if (bestScore.clean() || cyrillicGuess) {
            return new Scan(best, "Cyrillic letters read best as " + best.name(), sha256);
        }
        if (guessed != null && Charset.isSupported(guessed)) {
            return new Scan(Charset.forName(guessed), "guessed from its letters", sha256);
        }
        return new Scan(best, "uncertain: letters read best as " + best.name(), sha256);
    }

    /** Counts valid multi-byte UTF-8 sequences and invalid ones, byte by byte. */
    private static final class Utf8Check {
        long multiByte;
        long invalid;
        private int pending; // continuation bytes still expected
        private int min; // smallest code point the sequence may encode (overlong forms are invalid)
        private int codePoint;

        void accept(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                if (b >= 0 && pending == 0) {
                    continue; // ASCII: the usual case, nothing to check
                }
                accept(b);
            }
        }

        void accept(byte b) {
            int u = b & 0xFF;
            if (pending > 0) {
                if ((u & 0xC0) == 0x80) {
                    codePoint = codePoint << 6 | (u & 0x3F);
                    if (--pending == 0) {
                        boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
                        if (codePoint < min || codePoint > 0x10FFFF || surrogate) {
                            invalid++;
                        } else {
                            multiByte++;
                        }
                    }
                    return;
                }
                invalid++;
                pending = 0; // this byte starts afresh
            }
            if (u < 0x80) {
                return;
            }
            if (u >= 0xC2 && u <= 0xDF) {
                start(1, 0x80, u & 0x1F);
            } else if (u >= 0xE0 && u <= 0xEF) {
                start(2, 0x800, u & 0x0F);
            } else if (u >= 0xF0 && u <= 0xF4) {
                start(3, 0x10000, u & 0x07);
            } else {
                invalid++;
            }
        }

        private void start(int continuation, int smallest, int bits) {
            pending = continuation;
            min = smallest;
            codePoint = bits;
        }

        void end() {
            if (pending > 0) {
                invalid++;
            }
        }
    }

    /**
     * How Russian a decoded text looks: the log-frequencies of its Cyrillic letters, with penalties for
     * characters a Russian text does not have (box drawing, Serbian letters), a lower-case letter followed by an
     * upper-case one inside a word, and Cyrillic letters glued to Latin ones. Only the non-ASCII characters differ
     * between the candidate encodings, so only they are scored.
     */
    record CyrillicScore(double value, int penalties) {

        private static final String LETTERS = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё";
        private static final double[] PERCENT = {10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49,
                3.21, 2.98, 2.81, 2.62, 2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48,
                0.36, 0.32, 0.26, 0.04, 0.04};
        private static final double[] LOG = new double[PERCENT.length];

        static {
            for (int i = 0; i < PERCENT.length; i++) {
                LOG[i] = Math.log(PERCENT[i] / 100);
            }
        }

        private static final int OTHER = 0;
        private static final int LOWER = 1;
        private static final int UPPER = 2;
        private static final int LATIN = 3;

        boolean clean() {
            return penalties == 0;
        }

        static CyrillicScore of(String text) {
            double score = 0;
            int penalties = 0;
            int previous = OTHER;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int kind;
                if (c < 0x80) {
                    kind = Character.isLetter(c) ? LATIN : OTHER;
                } else {
                    char lower = Character.toLowerCase(c);
                    int k = LETTERS.indexOf(lower);
                    if (k >= 0 || "іїєґў".indexOf(lower) >= 0) {
                        score += k >= 0 ? LOG[k] : Math.log(0.005); // Ukrainian and Belarusian letters: rare
                        kind = Character.isUpperCase(c) ? UPPER : LOWER;
                    } else if ("№«»—–…“”„‘’\u00a0".indexOf(c) >= 0) {
                        score += Math.log(0.01);
                        kind = OTHER;
                    } else {
                        score -= 15;
                        penalties++;
                        kind = Character.isLetter(c) ? LATIN : OTHER;
                    }
                }
                boolean cyrillic = kind == LOWER || kind == UPPER;
                boolean wasCyrillic = previous == LOWER || previous == UPPER;
                if (previous == LOWER && kind == UPPER || previous == LATIN && cyrillic || wasCyrillic && kind == LATIN) {
                    score -= 8;
                    penalties++;
                }
                previous = kind;
            }
            return new CyrillicScore(score, penalties);
        }
    }
}
