package com.itadcustody.asset;

/** The kinds of data-bearing media NIST SP 800-88 distinguishes when choosing a sanitization method. */
public enum MediaType {
    HDD_ATA, HDD_SCSI, SSD_SATA, SSD_SCSI, NVME, USB_FLASH, MEMORY_CARD, MAGNETIC_TAPE, OPTICAL,
    MOBILE_INTERNAL_FLASH
}
