package org.switchboard.demand.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one history file may hold ({@code switchboard.history-import.*}). The import screen and
 * {@code POST /api/history/import} both refuse a bigger file before reading it whole; keep
 * {@code spring.servlet.multipart.max-file-size} equal to {@code maxFileSize} (application.properties does).
 *
 * @param maxFileSize largest file accepted (default 100 MB)
 * @param maxColumns most columns a file may have (default 100)
 * @param maxLineLength most characters in one line, or in one record whose quoted value spans lines (default 10,000)
 */
@ConfigurationProperties("switchboard.history-import")
public record ImportLimits(
        @DefaultValue("100MB") DataSize maxFileSize,
        @DefaultValue("100") int maxColumns,
        @DefaultValue("10000") int maxLineLength) {

    public static final ImportLimits DEFAULT = new ImportLimits(DataSize.ofMegabytes(100), 100, 10_000);

    public ImportLimits {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0 || maxColumns < 1 || maxLineLength < 80) {
            throw new IllegalArgumentException("switchboard.history-import: max-file-size must be positive, "
                    + "max-columns at least 1 and max-line-length at least 80");
        }
    }

    /** "100 MB" */
    public String maxFileSizeLabel() {
        long bytes = maxFileSize.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return String.format("%,d MB", bytes / (1024 * 1024));
        }
        return bytes % 1024 == 0 ? String.format("%,d KB", bytes / 1024) : String.format("%,d bytes", bytes);
    }
}
