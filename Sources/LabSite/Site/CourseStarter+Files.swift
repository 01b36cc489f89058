extension CourseStarter {
    /// The starter course's files. The lab uses every kind of syntax labsite reads: numbered steps,
    /// callouts (one folded), tabs, personal values in text and code, a figure with a title, and
    /// `console` and `bash` blocks; its front matter carries the lab facts.
    static let starterFiles: [File] = [
        File(
            path: ".gitignore",
            text: #"""
                # labsite build가 사이트를 쓰는 폴더. 소스와 함께 커밋하지 않는다.
                /public/

                """#
        ),
        File(
            path: "content/site.yml",
            text: #"""
                # 과정 전체의 설정이다. 키마다 뜻은 labsite README의 `content/site.yml` 절에 있다.
                title: 나의 AWS 실습
                language: ko
                description: AWS 콘솔과 AWS CLI로 직접 따라 하며 AWS의 기본을 익히는 실습 자료이다.

                # 내 값: 페이지에 {{account}}, {{region}}, {{prefix}}처럼 쓰면, 읽는 사람이 머리글의 "내 값" 패널에
                # 넣은 자기 값으로 바뀐다(넣지 않으면 default). 페이지의 front matter에도 같은 모양으로 더할 수 있다.
                params:
                  account: { default: "123456789012", label: 계정 ID }
                  region: { default: ap-northeast-2, label: 리전 }
                  prefix: lab

                # 각 페이지에 "이 페이지 편집" 링크를 달려면 저장소에서 content/ 폴더를 편집하는 주소를 적는다.
                # editURL: https://github.com/OWNER/REPO/edit/main/content/

                """#
        ),
        File(
            path: "content/index.md",
            text: #"""
                ---
                title: 나의 AWS 실습
                order: 0
                summary: AWS 콘솔과 AWS CLI로 직접 따라 하며 AWS의 기본을 익히는 실습 자료이다.
                ---

                ## 이 과정에서 다루는 것

                이 과정은 AWS 관리 콘솔에서 리소스를 직접 만들고 확인한 뒤 지우는 실습으로 이루어진다.
                각 실습은 같은 일을 콘솔과 AWS CLI 두 가지로 보여 주므로, 편한 쪽을 골라 따라 하면 된다.

                ## 실습 목록

                ### 첫 EC2 인스턴스 시작하기

                EC2 콘솔의 인스턴스 시작 마법사로 Amazon Linux 2023 웹 서버 인스턴스를 만들고, 콘솔과 AWS CLI로 상태를 확인한 뒤 종료한다.

                [첫 EC2 인스턴스 시작하기](labs/ec2-first-instance.md)

                ## 이 자료를 활용하는 방법

                - 각 실습은 번호가 붙은 단계로 이루어져 있다. 번호 순서대로 빠짐없이 진행한다.
                - **[인스턴스 시작]**처럼 굵은 대괄호로 쓴 말은 콘솔의 메뉴, 버튼, 입력란 이름이다. 화면에서 같은 글자를 찾아 클릭하거나 입력한다.
                - `{{prefix}}-web`처럼 코드 글꼴로 쓴 이름과 값은 글자 그대로 입력한다.
                - 머리글의 **내 값** 버튼을 누르면 계정 ID, 리전, 이름 접두사를 자기 값으로 바꿀 수 있다. 바꾼 값은 모든 페이지의 글과 명령에 그대로 들어간다.
                - `화면:`으로 시작하는 문단은 그 단계를 마쳤을 때 콘솔에 보여야 하는 내용이다.
                - 실습이 끝나면 각 페이지 마지막의 *정리*를 따라 만든 리소스를 삭제하여 요금이 더 나오지 않게 한다.

                ## 이 과정을 고치는 사람에게

                이 폴더는 `labsite init`이 만든 출발점이다.
                페이지는 `content/` 아래의 Markdown 파일이고, 실습을 더하려면 `content/labs/`에 파일을 하나 더 만든다.
                `content/alarms/`, `content/iam/`, `content/trail/`에는 CloudWatch 경보, IAM 정책, CloudTrail 로그를 넣으면 labsite가 그 데이터의 페이지를 만든다. 각 폴더의 `README.txt`에 넣을 파일이 적혀 있다.

                """#
        ),
        File(
            path: "content/labs/ec2-first-instance.md",
            text: #"""
                ---
                title: 첫 EC2 인스턴스 시작하기
                order: 1
                summary: EC2 콘솔의 인스턴스 시작 마법사로 Amazon Linux 2023 웹 서버 인스턴스를 만들고, 콘솔과 AWS CLI로 상태를 확인한 뒤 종료한다.
                level: 입문
                duration: 30분
                objectives:
                  - 인스턴스 시작 마법사의 설정(AMI, 인스턴스 유형, 키 페어, 네트워크 설정, 사용자 데이터)이 무엇을 정하는지 안다.
                  - 콘솔과 AWS CLI로 인스턴스의 상태와 퍼블릭 IPv4 주소를 확인한다.
                  - 실습이 끝나면 인스턴스와 보안 그룹을 지워 요금이 더 나오지 않게 한다.
                prerequisites:
                  - EC2 인스턴스와 보안 그룹을 만들 수 있는 권한의 AWS 계정 로그인 정보
                  - AWS CLI 탭을 따라 하려면 AWS CLI 버전 2와 그 자격 증명 설정
                cost: 실행 중인 인스턴스와 그 퍼블릭 IPv4 주소에 시간 단위 요금이 붙을 수 있다. 프리 티어 조건은 계정마다 다르다.
                region: ap-northeast-2
                updated: 2026-12-01
                ---

                ## 목적

                이 실습에서는 Amazon EC2로 가상 서버(인스턴스) 한 대를 만든다.
                인스턴스 시작 마법사에서 운영 체제 이미지(AMI), 하드웨어 크기(인스턴스 유형), 방화벽(보안 그룹)을 고르고, 처음 부팅할 때 웹 서버를 설치하는 스크립트를 넣는다.
                인스턴스가 실행되면 콘솔과 AWS CLI로 상태를 확인하고 브라우저로 웹 페이지를 연 다음, 인스턴스를 종료한다.

                ## 이 실습에서 만드는 것

                - 보안 그룹 `{{prefix}}-web-sg`: 어디서나 HTTP(TCP 80)를 허용한다.
                - EC2 인스턴스 `{{prefix}}-web`: Amazon Linux 2023, `t3.micro`, Apache 웹 서버가 설치된다.

                ![인스턴스 시작 마법사의 순서: 이름 및 태그, AMI, 인스턴스 유형, 네트워크 설정, 인스턴스 시작](images/ec2-launch.svg "인스턴스 시작 마법사에서 위에서 아래로 정하는 것")

                ## 1. EC2 콘솔 열기

                AWS 관리 콘솔에 로그인한다.
                콘솔 오른쪽 위의 리전을 이 실습에서 쓸 리전 {{region}}으로 바꾼다.
                검색 창에 `EC2`를 입력하여 EC2 콘솔을 열고 **[인스턴스 시작]**을 클릭한다.

                > [!TIP]
                > 머리글의 **내 값** 버튼에서 리전과 이름 접두사를 자기 것으로 바꾸면, 이 페이지의 이름과 명령이 모두 그 값으로 바뀐다.

                화면: **[인스턴스 시작]** 페이지가 열리고, 오른쪽에 **[요약]** 패널이 있다.

                ## 2. 이름과 AMI 선택

                - **[이름 및 태그]**: **[이름]**에 `{{prefix}}-web`을 입력한다.
                - **[애플리케이션 및 OS 이미지(Amazon Machine Image)]**: **[빠른 시작]**에서 **[Amazon Linux]**를 고르고, **[Amazon Linux 2023 AMI]**를 선택한다. 아키텍처는 **[64비트(x86)]**이다.

                화면: **[요약]** 패널의 **[소프트웨어 이미지(AMI)]**에 Amazon Linux 2023 AMI가 표시된다.

                ## 3. 인스턴스 유형과 키 페어

                - **[인스턴스 유형]**: `t3.micro`를 선택한다. 자기 계정에서 `t3.micro`에 **[프리 티어 사용 가능]** 표시가 없으면 표시가 있는 다른 소형 유형을 고른다.
                - **[키 페어(로그인)]**: **[키 페어 이름]**에서 **[키 페어 없이 계속 진행(권장되지 않음)]**(영어 콘솔: *Proceed without a key pair (Not recommended)*)을 선택한다.

                > [!NOTE]- 키 페어 없이 진행해도 되는 이유
                > 키 페어는 SSH로 인스턴스에 로그인할 때 쓰는 자격 증명이다.
                > 이 실습은 인스턴스에 로그인하지 않고 웹 페이지만 확인하므로 키 페어가 필요 없다.
                > 키 페어는 인스턴스를 시작할 때 정한다. SSH 접속을 연습하려면 키 페어를 만들어 고른 새 인스턴스를 시작한다.

                ## 4. 네트워크 설정

                **[네트워크 설정]**에서 **[편집]**을 클릭하고 다음과 같이 정한다.

                - **[VPC]**와 **[서브넷]**: 기본 VPC와 그 서브넷을 그대로 둔다.
                - **[퍼블릭 IP 자동 할당]**: **[활성화]**
                - **[방화벽(보안 그룹)]**: **[보안 그룹 생성]**을 선택하고, **[보안 그룹 이름]**에 `{{prefix}}-web-sg`를 입력한다.
                - 인바운드 규칙: 첫 번째 규칙의 **[유형]**을 `HTTP`(TCP 80)로, **[소스 유형]**을 **[위치 무관]**(`0.0.0.0/0`)으로 바꾼다. SSH 규칙은 두지 않는다.

                **[스토리지 구성]**은 기본값을 그대로 둔다.

                ## 5. 사용자 데이터를 넣고 시작

                **[고급 세부 정보]**를 펼치고 맨 아래의 **[사용자 데이터]** 입력란에 아래 스크립트를 붙여 넣는다.

                ```bash
                #!/bin/bash
                dnf install -y httpd
                echo "<h1>{{prefix}}-web: $(hostname -f)</h1>" > /var/www/html/index.html
                systemctl enable --now httpd
                ```

                사용자 데이터는 인스턴스가 처음 시작될 때 실행되는 셸 스크립트이다.
                Amazon Linux 2023의 패키지 관리자 `dnf`로 Apache 웹 서버(`httpd`)를 설치하고, 호스트 이름을 넣은 첫 페이지를 만든 뒤 `httpd`를 시작한다.

                오른쪽 **[요약]**에서 **[인스턴스 개수]**가 `1`인지 확인하고 **[인스턴스 시작]**을 클릭한다.

                > [!IMPORTANT]
                > AWS는 실행 중인 인스턴스에 연결된 것을 포함해 모든 퍼블릭 IPv4 주소에 시간 단위 요금을 매긴다.
                > 실습이 끝나면 [정리](#정리)를 따라 인스턴스를 종료한다.

                화면: 시작 성공 메시지와 인스턴스 ID(`i-`로 시작)가 표시된다.

                ## 6. 인스턴스 상태 확인

                인스턴스가 *실행 중*이 되고 상태 검사를 통과할 때까지 몇 분 걸린다.
                콘솔이나 AWS CLI 중 하나로 확인한다.

                > [!TAB 콘솔]
                > 1. 왼쪽 탐색 창에서 **[인스턴스]**를 클릭한다.
                > 2. `{{prefix}}-web`의 **[인스턴스 상태]**가 *실행 중*이고 **[상태 검사]**가 모두 통과했는지 확인한다.
                > 3. `{{prefix}}-web`을 선택하고 아래쪽 **[세부 정보]** 탭에서 **[퍼블릭 IPv4 주소]**를 복사한다.

                > [!TAB AWS CLI]
                > 자기 컴퓨터의 터미널에서 실행한다. `$ `는 입력하지 않는다.
                >
                > ```console
                > $ aws ec2 describe-instances --region {{region}} \
                >     --filters "Name=tag:Name,Values={{prefix}}-web" \
                >     --query "Reservations[].Instances[].{Id:InstanceId,State:State.Name,IP:PublicIpAddress}"
                > [
                >     {
                >         "Id": "i-0123456789abcdef0",
                >         "State": "running",
                >         "IP": "203.0.113.25"
                >     }
                > ]
                > ```

                화면: 인스턴스 상태는 *실행 중*(`running`)이고, 퍼블릭 IPv4 주소가 하나 있다. 위의 ID와 주소는 예시이며 실습할 때는 자기 값이 나온다.

                ## 7. 웹 페이지 열기

                브라우저 주소창에 `http://`와 6단계에서 확인한 퍼블릭 IPv4 주소를 이어 입력한다(예: `http://203.0.113.25`).
                `https://`가 아니라 `http://`로 접속한다. 이 웹 서버는 443 포트를 열지 않았다.

                화면: 사용자 데이터가 만든 페이지에 `{{prefix}}-web:`과 `ip-`로 시작하는 인스턴스의 호스트 이름이 큰 글씨로 표시된다.

                ## 정리

                실습이 끝나면 만든 리소스를 지운다. 인스턴스를 먼저 종료해야 보안 그룹을 삭제할 수 있다.

                1. **EC2 인스턴스**: EC2 콘솔 **[인스턴스]** 목록에서 `{{prefix}}-web`을 선택하고 **[인스턴스 상태]** > **[인스턴스 종료(삭제)]**를 선택한다. 인스턴스 상태가 *종료됨*이 될 때까지 기다린다. 종료하면 자동 할당된 퍼블릭 IPv4 주소도 반납된다.
                2. **보안 그룹**: EC2 콘솔의 **[보안 그룹]**에서 `{{prefix}}-web-sg`를 선택하고 **[작업]** > **[보안 그룹 삭제]**를 선택한다.

                AWS CLI로는 다음과 같이 지운다. `i-0123456789abcdef0` 자리에는 6단계에서 확인한 자기 인스턴스 ID를 넣는다.

                ```console
                $ aws ec2 terminate-instances --region {{region}} --instance-ids i-0123456789abcdef0
                $ aws ec2 wait instance-terminated --region {{region}} --instance-ids i-0123456789abcdef0
                $ aws ec2 delete-security-group --region {{region}} --group-name {{prefix}}-web-sg
                ```

                ## 출처

                이 실습의 AWS 사실과 그 출처이다. 콘솔과 문서는 자주 바뀌므로, 실습을 고칠 때 다시 확인하고 front matter의 `updated`를 바꾼다.

                - [Launch an EC2 instance using the launch instance wizard in the console](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-instance-wizard.html): 마법사의 설정 항목, 키 페어 없이 진행하면 SSH로 접속할 수 없다는 것
                - [Run commands on your Amazon EC2 instance at launch](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html): 사용자 데이터 셸 스크립트
                - [Terminate Amazon EC2 instances](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html): 인스턴스 종료
                - [AWS CLI `describe-instances`](https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-instances.html), [`terminate-instances`](https://docs.aws.amazon.com/cli/latest/reference/ec2/terminate-instances.html), [`wait instance-terminated`](https://docs.aws.amazon.com/cli/latest/reference/ec2/wait/instance-terminated.html), [`delete-security-group`](https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-security-group.html)
                - [Amazon VPC 요금](https://aws.amazon.com/vpc/pricing/): 퍼블릭 IPv4 주소의 시간 단위 요금

                """#
        ),
        File(
            path: "content/labs/images/ec2-launch.svg",
            text: #"""
                <svg xmlns="http://www.w3.org/2000/svg" width="720" height="200" viewBox="0 0 720 200" font-family="sans-serif" font-size="15">
                  <title>인스턴스 시작 마법사에서 정하는 것: 이름, AMI, 인스턴스 유형, 네트워크 설정, 그리고 인스턴스 시작</title>
                  <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
                      <path d="M0 0 L10 5 L0 10 z" fill="#555"/>
                    </marker>
                  </defs>
                  <rect width="720" height="200" fill="#fff"/>
                  <g fill="#e8f1fb" stroke="#1e6bb8" stroke-width="2">
                    <rect x="8" y="40" width="128" height="64" rx="8"/>
                    <rect x="152" y="40" width="128" height="64" rx="8"/>
                    <rect x="296" y="40" width="128" height="64" rx="8"/>
                    <rect x="440" y="40" width="128" height="64" rx="8"/>
                    <rect x="584" y="40" width="128" height="64" rx="8" fill="#fdf1dc" stroke="#c77700"/>
                  </g>
                  <g stroke="#555" stroke-width="2" marker-end="url(#arrow)">
                    <line x1="136" y1="72" x2="150" y2="72"/>
                    <line x1="280" y1="72" x2="294" y2="72"/>
                    <line x1="424" y1="72" x2="438" y2="72"/>
                    <line x1="568" y1="72" x2="582" y2="72"/>
                  </g>
                  <g fill="#1a1a1a" text-anchor="middle">
                    <text x="72" y="68">이름 및 태그</text>
                    <text x="72" y="90" font-size="12" fill="#444">lab-web</text>
                    <text x="216" y="68">AMI</text>
                    <text x="216" y="90" font-size="12" fill="#444">Amazon Linux 2023</text>
                    <text x="360" y="68">인스턴스 유형</text>
                    <text x="360" y="90" font-size="12" fill="#444">t3.micro</text>
                    <text x="504" y="68">네트워크 설정</text>
                    <text x="504" y="90" font-size="12" fill="#444">HTTP 80 허용</text>
                    <text x="648" y="68">인스턴스 시작</text>
                    <text x="648" y="90" font-size="12" fill="#444">요약 패널</text>
                  </g>
                  <text x="360" y="150" text-anchor="middle" font-size="14" fill="#444">EC2 콘솔 › 인스턴스 › 인스턴스 시작: 한 페이지를 위에서 아래로 채운다</text>
                  <text x="360" y="174" text-anchor="middle" font-size="13" fill="#666">키 페어는 이 실습에서 쓰지 않는다(SSH로 접속하지 않는다)</text>
                </svg>

                """#
        ),
        File(
            path: "content/alarms/README.txt",
            text: #"""
                이 폴더에는 CloudWatch 경보를 AWS CLI가 출력한 JSON 그대로 넣는다.
                labsite가 경보마다 페이지(설정 표, 지표 차트, 상태 기록, 설정 검사 결과)를 만들고,
                실습 페이지에서는 ```alarm 블록으로 경보 카드를 넣을 수 있다.

                  이름.json              aws cloudwatch describe-alarms 의 출력 ({"MetricAlarms": [...]})
                  이름.history.json      (선택) aws cloudwatch describe-alarm-history 의 출력
                  이름.datapoints.json   (선택) aws cloudwatch get-metric-statistics 의 출력 (이름.json 의 경보 지표)

                예: 결제 경보는 us-east-1 리전에만 있다.
                  aws cloudwatch describe-alarms --region us-east-1 --alarm-names lab-myalarm > lab-myalarm.json
                  aws cloudwatch describe-alarm-history --region us-east-1 --alarm-name lab-myalarm > lab-myalarm.history.json

                이 파일(README.txt)은 페이지가 되지 않고 사이트에 그대로 복사된다. 필요 없으면 지워도 된다.

                """#
        ),
        File(
            path: "content/iam/README.txt",
            text: #"""
                이 폴더에는 IAM 데이터를 AWS의 JSON 그대로 넣는다.
                labsite가 정책 표, 사용자·그룹·역할 페이지, 권한 매트릭스와 정책 검토 결과를 만든다.

                  policies/정책이름.json   AWS 관리형 정책 문서 ({"Version": ..., "Statement": [...]})
                                           또는 aws iam get-policy-version 의 출력
                  이름.json                aws iam get-account-authorization-details 의 출력.
                                           실습의 한 시점마다 파일 하나 (예: account-before-step-5.json)
                  matrix.yml               (선택) 시점의 순서와 제목, 실습이 하는 요청 목록

                예:
                  aws iam get-account-authorization-details > account-after-lab.json
                  aws iam get-policy --policy-arn arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess
                      (출력의 DefaultVersionId가 기본 버전이다. 아래 v3 자리에 넣는다.)
                  aws iam get-policy-version --policy-arn arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess \
                      --version-id v3 > policies/AmazonEC2ReadOnlyAccess.json

                계정 권한 정보에는 계정 ID와 사용자 이름이 들어 있다. 공개할 사이트라면 넣기 전에 확인한다.
                이 파일(README.txt)은 페이지가 되지 않고 사이트에 그대로 복사된다. 필요 없으면 지워도 된다.

                """#
        ),
        File(
            path: "content/trail/README.txt",
            text: #"""
                이 폴더에는 CloudTrail 이벤트 파일을 넣는다.
                labsite가 이벤트 목록, 이벤트마다 페이지, 요약을 만들고, 실습 페이지에서는
                ```cloudtrail-event 와 ```cloudtrail-events 블록으로 이벤트를 넣을 수 있다.

                  추적이 S3 버킷에 전달한 로그 파일 (*.json.gz): 버킷의 AWSLogs/ 폴더를 그대로 복사해도 된다.
                      aws s3 cp s3://버킷이름/AWSLogs/ AWSLogs/ --recursive
                  콘솔 이벤트 기록의 [이벤트 다운로드] > JSON 또는 CSV 파일
                  aws cloudtrail lookup-events 의 출력 (*.json)
                      aws cloudtrail lookup-events --region ap-northeast-2 > lookup-events.json

                파일 종류는 이름이 아니라 내용으로 알아본다. 다이제스트 파일(CloudTrail-Digest/)은 읽지 않는다.
                로그에는 계정 ID와 IP 주소가 들어 있다. 공개할 사이트라면 labsite build --redact 로 가린다.
                이 파일(README.txt)은 페이지가 되지 않고 사이트에 그대로 복사된다. 필요 없으면 지워도 된다.

                """#
        ),
    ]
}
