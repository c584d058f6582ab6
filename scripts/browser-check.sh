#!/usr/bin/env bash
# Issue #14: logs in with a real browser (headless Debian chromium + chromium-driver, driven by Selenium from
# PyPI) as a teacher, a school-admin and a district-viewer, and checks what each page shows; then the lockout.
# Issue #15: the teacher submits an outside training with a small PDF on their page, and the school-admin approves
# a course's whole sign-in sheet with one click (then the teacher's submission); the CLI confirms the states.
# Usage: [PORT=18083] scripts/browser-check.sh (uses $XINYU when set, else builds the debug binary).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
PORT=${PORT:-18083}
command -v curl >/dev/null || apt_install curl
command -v chromium >/dev/null || apt_install chromium
command -v chromedriver >/dev/null || apt_install chromium-driver
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q 'selenium>=4.10'
if [ -z "${XINYU:-}" ]; then
  BUILD_LOG=$(mktemp); swift build >"$BUILD_LOG" 2>&1 || { tail -40 "$BUILD_LOG" >&2; exit 1; }; rm -f "$BUILD_LOG"
  XINYU="$(swift build --show-bin-path)/xinyu"
fi
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
DB=$(SCHOOLS=2 make_demo_db "$XINYU" "$WORK")
"$XINYU" schedule build --db "$DB" --term 2026-fall >/dev/null
TEACHER=$("$XINYU" teachers list --db "$DB" --school S0001 --status active --format csv | sed -n 3p | cut -d, -f1)
"$XINYU" users add --db "$DB" teacher1 --role teacher --teacher "$TEACHER" >/dev/null
"$XINYU" users add --db "$DB" chair1 --role school-admin --school S0001 >/dev/null
"$XINYU" users add --db "$DB" viewer1 --role district-viewer >/dev/null
for u in teacher1 chair1 viewer1; do echo "pass-$u-2026" | "$XINYU" users passwd --db "$DB" "$u" >/dev/null; done
# A whole-staff training of S0001 with a sign-in sheet of two teachers, waiting for the school-admin.
COURSE=$("$XINYU" trainings add --db "$DB" --school S0001 --title "全员心理健康培训" --category professional --tier 60 \
  --mode 2 --hours 2 --date 2026-03-02)
OTHER=$("$XINYU" teachers list --db "$DB" --school S0001 --status active --format csv | sed -n 4p | cut -d, -f1)
printf '工号,学时\n%s,2\n%s,2\n' "$TEACHER" "$OTHER" >"$WORK/sheet.csv"
"$XINYU" attendance import --db "$DB" "$WORK/sheet.csv" --course "$COURSE" >/dev/null
printf '%%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%%%EOF\n' >"$WORK/certificate.pdf"
start_server "$XINYU" "$DB" "$PORT" "$WORK/serve.log"
BASE="http://127.0.0.1:$PORT" TEACHER="$TEACHER" PROFILE="$WORK/profile" COURSE="$COURSE" PDF="$WORK/certificate.pdf" \
  python3 - <<'PY'
import os, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, teacher = os.environ["BASE"], os.environ["TEACHER"]
course, pdf = os.environ["COURSE"], os.environ["PDF"]
failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok: failures.append(what)

def browser():
    o = Options()
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.implicitly_wait(5)
    return d

def left_the_page(element):
    # The clicked element belongs to the old page once the next one loads. Chromium says so either as a stale
    # element or, when asked in the middle of the swap, as "Node with given id does not belong to the document"
    # (a plain WebDriverException that Selenium's staleness_of does not expect: a CI run failed on it).
    def gone(_):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    return gone

def click_and_wait(d, element):
    element.click()
    WebDriverWait(d, 15).until(left_the_page(element))
    d.find_element(By.TAG_NAME, "h1")

def login(d, name, password):
    d.get(base + "/")                      # 401 page → the login page (no script: a meta refresh)
    WebDriverWait(d, 15).until(lambda d: "/login" in d.current_url)
    d.find_element(By.NAME, "name").send_keys(name)
    d.find_element(By.NAME, "password").send_keys(password)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button[type=submit]"))

d = browser()
try:
    login(d, "teacher1", "pass-teacher1-2026")
    body = d.find_element(By.TAG_NAME, "body").text
    check(d.current_url.startswith(base + "/me"), "teacher lands on /me (" + d.current_url + ")")
    check(teacher in body and "资格证书" in body and "本学年学时" in body and "还需完成" in body, "teacher page: ledger, hours, still needed")
    check("我的下一节课" in body and "2026-" in body, "teacher page: next lessons")
    check(len(d.find_elements(By.TAG_NAME, "script")) == 0, "teacher page has no script")
    click_and_wait(d, d.find_element(By.LINK_TEXT, "English"))
    check("Certification" in d.find_element(By.TAG_NAME, "body").text, "teacher page in English")
    d.get(base + "/schools/S0002")
    check("S0002" not in d.find_element(By.TAG_NAME, "body").text or "unknown" in d.page_source, "teacher cannot see another school")
    d.get(base + "/me")
    # Issue #15: submit an outside training with a small PDF.
    form = d.find_element(By.CSS_SELECTOR, "form[action='/me/submissions']")
    form.find_element(By.NAME, "title").send_keys("省级心理健康网络研修")
    form.find_element(By.NAME, "provider").send_keys("省教师继续教育网")
    form.find_element(By.CSS_SELECTOR, "select[name=category] option[value=elective]").click()
    form.find_element(By.NAME, "hours").send_keys("6")
    d.execute_script("arguments[0].value = '2026-04-01'", form.find_element(By.NAME, "date"))
    form.find_element(By.NAME, "evidence").send_keys(pdf)
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    body = d.find_element(By.TAG_NAME, "body").text
    check(d.current_url.startswith(base + "/me") and "已提交申报" in body, "teacher submits a training with a PDF (" + d.current_url + ")")
    check("省级心理健康网络研修" in body and "待学校审批" in body, "teacher page lists the submission awaiting approval")
    d.refresh()
    check("已提交申报" not in d.find_element(By.TAG_NAME, "body").text, "the message is shown once")
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    check("/login" in d.current_url, "logout returns to the login page")

    d.delete_all_cookies()
    login(d, "chair1", "pass-chair1-2026")
    body = d.find_element(By.TAG_NAME, "body").text
    check(d.current_url.startswith(base + "/schools/S0001"), "school-admin lands on the school page (" + d.current_url + ")")
    check("培训定额缺口" in body and "教师持证情况" in body and "心理课课表" in body, "school page: staff, quota gaps, schedule")
    check("S0002" not in d.page_source, "school page shows nothing of the other school")
    check(len(d.find_elements(By.PARTIAL_LINK_TEXT, "iCalendar")) == 1, "school page links to the calendar export")
    # Issue #15: one click approves the course's whole sheet; then the teacher's submission on its own.
    check("待审批的培训记录 3" in body, "school page: 3 records await approval")
    button = d.find_element(By.XPATH, "//form[input[@name='course'][@value='%s']]/button" % course)
    click_and_wait(d, button)
    body = d.find_element(By.TAG_NAME, "body").text
    check("已批准 2 条记录" in body and "待审批的培训记录 1" in body, "one click approves the course's sheet (2 records)")
    check(len(d.find_elements(By.CSS_SELECTOR, "a[href$='/evidence']")) == 1, "the submission links to its evidence")
    click_and_wait(d, d.find_element(By.XPATH, "//form[input[@name='action'][@value='approve']][input[@name='ids']]/button"))
    check("已批准 1 条记录" in d.find_element(By.TAG_NAME, "body").text, "the teacher's submission approved")

    d.delete_all_cookies()
    login(d, "viewer1", "pass-viewer1-2026")
    check(len(d.find_elements(By.TAG_NAME, "svg")) >= 1, "district-viewer sees the dashboard's charts")
    links = d.find_elements(By.CSS_SELECTOR, "a[href^='/schools/S0002']")
    check(len(links) >= 1, "dashboard links each school's name to its page")
    if links:
        click_and_wait(d, links[0])
        check(d.current_url.startswith(base + "/schools/S0002") and "培训定额缺口" in d.find_element(By.TAG_NAME, "body").text,
              "a school's page opens from the dashboard (" + d.current_url + ")")

    d.delete_all_cookies()
    for i in range(5):
        login(d, "chair1", "wrong-password")
    body = d.find_element(By.TAG_NAME, "body").text
    check("锁定" in body, "after 5 failed logins the page says the name is locked")
finally:
    d.quit()
if failures:
    sys.exit("browser check: %d failure(s)" % len(failures))
print("browser check: all passed")
PY
approved=$("$XINYU" approvals list --db "$DB" --state approved --format csv | tail -n +2 | wc -l)
[ "$approved" = 3 ] || { echo "FAIL the store holds $approved approved records, not 3" >&2; exit 1; }
echo "ok   the store holds the 3 approved records (xinyu approvals list)"
