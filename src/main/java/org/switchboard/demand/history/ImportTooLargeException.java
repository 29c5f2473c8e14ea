package org.switchboard.demand.history;

/** A file is larger than {@code switchboard.history-import.max-file-size}; nothing of it was read. */
public class ImportTooLargeException extends RuntimeException {

    private final long maxBytes;

    public ImportTooLargeException(ImportLimits limits) {
        super("The file is larger than " + limits.maxFileSizeLabel() + ", the most a history import accepts");
        this.maxBytes = limits.maxFileSize().toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
