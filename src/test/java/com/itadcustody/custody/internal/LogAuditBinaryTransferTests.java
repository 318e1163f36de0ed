package com.itadcustody.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit reads the envelopes in binary form from the first execution on, not as hex text. */
class LogAuditBinaryTransferTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theAuditQueryReceivesEnvelopesAndHashesAsBinary() throws Exception {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (PreparedStatement audit = LogAudit.entries(con); ResultSet rs = audit.executeQuery()) {
                PGResultSetMetaData meta = rs.getMetaData().unwrap(PGResultSetMetaData.class);

                assertThat(meta.getFormat(4)).as("envelope").isEqualTo(1);
                assertThat(meta.getFormat(5)).as("leaf_hash").isEqualTo(1);
                assertThat(meta.getFormat(6)).as("tree node hash").isEqualTo(1);
            }
            try (PreparedStatement plain = con.prepareStatement("select envelope from custody_entry order by seq");
                    ResultSet rs = plain.executeQuery()) {
                assertThat(rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1))
                        .as("the driver's default for a first execution").isZero();
            }
            con.rollback();
        }
    }
}
