package org.switchboard.demand.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Turns a file's bytes into text for the CSV parser, refusing instead of guessing: bytes that are not text in the
 * chosen encoding (no replacement characters), control characters (a NUL is a sign of the wrong encoding), a line
 * longer than the limit, and a quoted value that stays open past the limit (a missing closing quote would
 * otherwise make the parser hold the rest of the file as one value). Each refusal names the line. A leading
 * byte-order mark is dropped.
 */
final class CheckedReader extends Reader {

    /** Reading stopped: the problem says where and why. */
    static final class TextProblem extends IOException {
        final ImportProblem problem;

        TextProblem(long line, String message) {
            super("line " + line + ": " + message, null);
            this.problem = new ImportProblem(line, null, message);
        }
    }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String encoding;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final int maxLine;
    private final char delimiter;
    private boolean endOfInput;
    private boolean flushed;
    private String undecodable;
    private boolean started;
    private boolean afterCr;
    private long line = 1;
    private int lineLength;
    private int state = FIELD_START;
    private long recordStart = 1;
    private int recordLength;

    /**
     * @param delimiter the CSV delimiter, to follow quoted values across lines; 0 to look at lines only
     */
    CheckedReader(InputStream in, Charset charset, int maxLineLength, char delimiter) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.encoding = charset.name();
        this.maxLine = maxLineLength;
        this.delimiter = delimiter;
        bytes.flip();
        chars.flip();
    }

    /** The line being read (1 = the first). */
    long line() {
        return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n == 0) {
            if (!chars.hasRemaining()) {
                if (undecodable != null) {
                    throw new TextProblem(line, "Line " + line + " is not " + encoding + " text (bytes " + undecodable
                            + "): choose the file's encoding");
                }
                if (!fill()) {
                    return -1;
                }
                continue;
            }
            while (n < length && chars.hasRemaining()) {
                char c = chars.get();
                if (!started) {
                    started = true;
                    if (c == '\uFEFF') {
                        continue;
                    }
                }
                check(c);
                buffer[offset + n++] = c;
            }
        }
        return n;
    }

    /** Decodes the next characters; false at the end of the file. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        try {
            while (true) {
                CoderResult r = decoder.decode(bytes, chars, endOfInput);
                if (r.isError()) {
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < r.length(); i++) {
                        hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i) & 0xFF));
                    }
                    undecodable = hex.toString();
                    break;
                }
                if (r.isOverflow()) {
                    break;
                }
                if (endOfInput) {
                    decoder.flush(chars); // nothing is held back by the decoders of text encodings
                    flushed = true;
                    break;
                }
                if (chars.position() > 0) {
                    break;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining() || undecodable != null;
    }

    private void check(char c) throws TextProblem {
        if (c == '\n' && afterCr) {
            afterCr = false; // the second half of CR LF: the line was counted at the CR
            return;
        }
        afterCr = c == '\r';
        if (c == '\r' || c == '\n') {
            line++;
            lineLength = 0;
            if (state == QUOTED) {
                recordLength++; // a line break inside a quoted value: the record goes on
            } else {
                state = FIELD_START;
                recordStart = line;
                recordLength = 0;
            }
            return;
        }
        if (c < 0x20 && c != '\t') {
            throw new TextProblem(line, String.format("Line %d holds the control character U+%04X, which no history file "
                    + "has: is %s the right encoding?", line, (int) c, encoding));
        }
        if (++lineLength > maxLine) {
            throw new TextProblem(line, String.format("Line %d is longer than %,d characters, the most one line may have",
                    line, maxLine));
        }
        if (delimiter == 0) {
            return;
        }
        state = switch (state) {
            case FIELD_START -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
            case UNQUOTED -> c == delimiter ? FIELD_START : UNQUOTED;
            case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
        };
        if (++recordLength > maxLine && recordStart < line) {
            throw new TextProblem(line, String.format("The record that starts on line %d has a quoted value still open on line %d, "
                    + "after more than %,d characters: is a closing quote missing?", recordStart, line, maxLine));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
