#!/usr/bin/env bash
# Renders the first pages of every document of a sample case to PNG, the way a user gets there with the CLI:
# sample archive → case → import → face analysis → grouping → documents (DOCX through LibreOffice, PDF through
# Chromium) → pdftoppm. The PNGs are for looking at (issue notes, reviews), not for tests.
#
#   bash scripts/renderDocumentSamples.sh [out-dir] [captures]      (default docs/renders, 1500 captures)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/renders}"
captures="${2:-1500}"
work="$(mktemp -d /tmp/faceaudit-renders-XXXXXX)"
fa() { node bin/faceaudit.js "$@"; }

fa sample "$work/sample" --captures "$captures" >/dev/null
fa case create "$work/case" --number 禹市监处罚〔2022〕12号 --party 某房地产开发有限公司 \
  --credit-code 91411081MA9XXXXXXD --domicile 禹州市某某路1号 --legal-rep 王某 \
  --handling-unit 禹州市市场监督管理局 --officer 张三 --officer 李四 --name 某房地产开发有限公司未经同意采集人脸信息案 >/dev/null
fa import "$work/case" "$work/sample/archive" >/dev/null
fa analyze "$work/case" >/dev/null
cat > "$work/fields.json" <<'JSON'
{
  "issuer": { "name": "禹州市市场监督管理局", "code": "禹市监" },
  "numbers": { "decision": "禹市监处罚〔2022〕12号", "notice": "禹市监罚告〔2022〕9号" },
  "officers": [{ "name": "张三", "certificate": "41100100001" }, { "name": "李四", "certificate": "41100100002" }],
  "caseSource": { "kind": "inspection", "date": "2021-10-14" },
  "filingDate": "2021-10-15", "inspectionDate": "2021-10-14", "evidenceDate": "2021-10-20",
  "premises": { "name": "某某项目销售中心", "address": "禹州市某某路1号" },
  "fineYuan": 200000, "noticeDate": "2022-04-20", "decisionDate": "2022-05-10", "reportDate": "2022-04-12"
}
JSON
mkdir -p "$out"
# LibreOffice as a Linux desk with `faceaudit fonts-conf` installed (without it every face falls back to sans).
fa fonts-conf > "$work/60-faceaudit-official-fonts.conf"
printf '<?xml version="1.0"?>\n<fontconfig><include>/etc/fonts/fonts.conf</include><include>%s</include></fontconfig>\n' \
  "$work/60-faceaudit-official-fonts.conf" > "$work/fonts.conf"
for kind in decision notice report evidence; do
  fa document "$work/case" "$kind" --format pdf --out "$work/$kind.pdf" --fields "$work/fields.json" >/dev/null
  fa document "$work/case" "$kind" --format docx --out "$work/$kind.docx" >/dev/null
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/$kind.pdf" "$out/$kind-chromium"
  FONTCONFIG_FILE="$work/fonts.conf" soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to pdf --outdir "$work/lo" "$work/$kind.docx" >/dev/null 2>&1
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/lo/$kind.pdf" "$out/$kind-libreoffice"
done
fa document "$work/case" casefile --format pdf --out "$work/casefile.pdf" >/dev/null
pdftoppm -r 60 -png -f 1 -l 2 "$work/casefile.pdf" "$out/casefile"
echo "renders in $out (case in $work)"
