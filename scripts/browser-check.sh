#!/usr/bin/env bash
# Issue #14: logs in with a real browser (headless Debian chromium + chromium-driver, driven by Selenium from
# PyPI) as a teacher, a school-admin and a district-viewer, and checks what each page shows; then the lockout.
# Usage: scripts/browser-check.sh (uses $XINYU when set, else builds the debug binary).
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
start_server "$XINYU" "$DB" "$PORT" "$WORK/serve.log"
BASE="http://127.0.0.1:$PORT" TEACHER="$TEACHER" PROFILE="$WORK/profile" python3 - <<'PY'
import os, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, teacher = os.environ["BASE"], os.environ["TEACHER"]
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

def click_and_wait(d, element):
    element.click()
    WebDriverWait(d, 15).until(EC.staleness_of(element))
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
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    check("/login" in d.current_url, "logout returns to the login page")

    d.delete_all_cookies()
    login(d, "chair1", "pass-chair1-2026")
    body = d.find_element(By.TAG_NAME, "body").text
    check(d.current_url.startswith(base + "/schools/S0001"), "school-admin lands on the school page (" + d.current_url + ")")
    check("培训定额缺口" in body and "教师持证情况" in body and "心理课课表" in body, "school page: staff, quota gaps, schedule")
    check("S0002" not in d.page_source, "school page shows nothing of the other school")
    check(len(d.find_elements(By.PARTIAL_LINK_TEXT, "iCalendar")) == 1, "school page links to the calendar export")

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
