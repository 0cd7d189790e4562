#!/usr/bin/env python3
"""Makes tests/import/password.docx: a small Word document encrypted with the password
"secret", as Word saves one under File > Info > Protect Document > Encrypt with Password
(an OLE compound file holding EncryptionInfo and EncryptedPackage, not a zip).

Needs msoffcrypto-tool (pip install msoffcrypto-tool), only to remake the file; the tests
read the file kept beside this script. Run from the repository's root:
    python3 tests/import/make-password-docx.py
"""
import io
import zipfile

from msoffcrypto.format.ooxml import OOXMLFile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ),
    "word/document.xml": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
        '<w:p><w:r><w:t>Secret recipe</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ),
}

plain = io.BytesIO()
with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as docx:
    for name, text in PARTS.items():
        docx.writestr(name, text)
plain.seek(0)

with open("tests/import/password.docx", "wb") as out:
    OOXMLFile(plain).encrypt("secret", out)
