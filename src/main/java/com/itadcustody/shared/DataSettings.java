package com.itadcustody.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service keeps its local state: the embedded database, generated keys and the demo credentials.
 *
 * @param dataDir the data directory ({@code ITAD_DATA_DIR}, default {@code ./data})
 */
@ConfigurationProperties("itad")
public record DataSettings(@DefaultValue("./data") Path dataDir) {

    /** Resolves a file or folder inside the data directory. */
    public Path resolve(String name) {
        return dataDir.toAbsolutePath().normalize().resolve(name);
    }
}
