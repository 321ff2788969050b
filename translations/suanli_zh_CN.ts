<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>%1 not allowed: %2</source>
        <translation>无权执行%1：%2</translation>
    </message>
    <message>
        <source>%1 refused: the gateway does not accept this console&apos;s token (%2)</source>
        <translation>%1被拒绝：网关不接受此控制台的令牌（%2）</translation>
    </message>
    <message>
        <source>%1 failed: the gateway cannot be reached (%2)</source>
        <translation>%1失败：无法连接网关（%2）</translation>
    </message>
    <message>
        <source>%1 failed: the gateway did not answer in time</source>
        <translation>%1失败：网关未及时响应</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1已取消</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1被拒绝：%2</translation>
    </message>
    <message>
        <source>%1 not possible now: %2</source>
        <translation>当前无法%1：%2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>%1 failed: %2 (%3)</source>
        <translation>%1失败：%2（%3）</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：已完成</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n node(s)</source>
        <translation>
            <numerusform>%1：%Ln 个节点中 %2 个成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n job(s)</source>
        <translation>
            <numerusform>%1：%Ln 个作业中 %2 个成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n alert(s)</source>
        <translation>
            <numerusform>%1：%Ln 条告警中 %2 条成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n</source>
        <translation>
            <numerusform>%1：%Ln 项中 %2 项成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>；另有 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation>重新排队</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>设置优先级</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Set quota</source>
        <translation>设置配额</translation>
    </message>
    <message>
        <source>Request quota</source>
        <translation>申请配额</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Query metrics</source>
        <translation>查询指标</translation>
    </message>
    <message>
        <source>List audit entries</source>
        <translation>查询审计日志</translation>
    </message>
    <message>
        <source>simulator</source>
        <translation>模拟器</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed: the centre&apos;s scheduler (%2) has not answered for %n s; the gateway is up</source>
        <translation>
            <numerusform>%1失败：中心的调度器（%2）已 %Ln 秒无响应；网关运行正常</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: the centre&apos;s scheduler (%2) does not answer; the gateway is up</source>
        <translation>%1失败：中心的调度器（%2）无响应；网关运行正常</translation>
    </message>
</context>
<context>
    <name>AgeText</name>
    <message>
        <source>%1 s</source>
        <comment>age in seconds</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>age in minutes</comment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>age in hours</comment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>age in days</comment>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>CanRunNow</name>
    <message>
        <source>Say how many accelerators the job needs (1 or more).</source>
        <translation>请填写作业所需的加速卡数量（至少 1 张）。</translation>
    </message>
    <message>
        <source>No: %1 has no accelerators.</source>
        <translation>否：%1 没有加速卡。</translation>
    </message>
    <message>
        <source>No: %1 has no %2 accelerators.</source>
        <translation>否：%1 没有 %2 加速卡。</translation>
    </message>
    <message>
        <source>accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>No: %1 is %2 and starts no jobs.</source>
        <translation>否：%1 处于 %2 状态，不启动作业。</translation>
    </message>
    <message>
        <source>No: %1 has %2 %3 in all; a job of %4 can never run there.</source>
        <translation>否：%1 共有 %2 张 %3，需要 %4 张的作业永远无法在此运行。</translation>
    </message>
    <message>
        <source>Yes: %1 %2 free in %3 (the largest job that could start now: %4)</source>
        <translation>是：%3 有 %1 张 %2 空闲（当前可启动的最大作业：%4 张）</translation>
    </message>
    <message>
        <source>Yes: %1 %2 free in %3 (largest free block on one node: %4)</source>
        <translation>是：%3 有 %1 张 %2 空闲（单节点最多空闲 %4 张）</translation>
    </message>
    <message>
        <source>Yes: %1 %2 free in %3 (%4 whole nodes free; the job needs %5)</source>
        <translation>是：%3 有 %1 张 %2 空闲（%4 个整节点空闲，作业需要 %5 个）</translation>
    </message>
    <message>
        <source>No: %1 free</source>
        <translation>否：仅空闲 %1 张</translation>
    </message>
    <message>
        <source>No: %1 free, but the largest job that could start now has %2</source>
        <translation>否：空闲 %1 张，但当前可启动的最大作业只有 %2 张</translation>
    </message>
    <message>
        <source>No: %1 free, but no node has %2 free at once (at most %3)</source>
        <translation>否：空闲 %1 张，但没有节点能同时空出 %2 张（最多 %3 张）</translation>
    </message>
    <message>
        <source>No: %1 free, but only %2 whole nodes are free (the job needs %3)</source>
        <translation>否：空闲 %1 张，但只有 %2 个整节点空闲（作业需要 %3 个）</translation>
    </message>
    <message numerus="yes">
        <source>, %Ln job(s) ahead need %1</source>
        <translation>
            <numerusform>，前面 %Ln 个作业需要 %1 张</numerusform>
        </translation>
    </message>
    <message>
        <source>No: this centre has no queues.</source>
        <translation>否：此中心没有队列。</translation>
    </message>
    <message>
        <source>No: no queue can start %1 now; the largest job that could start now has %2 (in %3).</source>
        <translation>否：现在没有队列能启动 %1 张卡的作业；当前可启动的最大作业为 %2 张（在 %3）。</translation>
    </message>
    <message>
        <source>No: no queue can start %1 now; none has room for a job at all.</source>
        <translation>否：现在没有队列能启动 %1 张卡的作业；所有队列都没有空余。</translation>
    </message>
    <message>
        <source>No job of about this size (%1 to %2 accelerators) started in the last 24 h: there is no estimate of the wait.</source>
        <translation>过去 24 小时内没有规模相近（%1 至 %2 张加速卡）的作业启动：无法估计等待时间。</translation>
    </message>
    <message numerus="yes">
        <source>Jobs of about this size (%1 to %2 accelerators) that started in the last 24 h waited %3 (the median of %n job(s)).</source>
        <translation>
            <numerusform>过去 24 小时内启动的规模相近（%1 至 %2 张加速卡）的作业等待了 %3（%Ln 个作业的中位数）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n such job(s) wait now, the longest for %1.</source>
        <translation>
            <numerusform>目前有 %Ln 个这样的作业在等待，最长已等待 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tenant %1&apos;s quota sets no limit on %2.</source>
        <translation>租户 %1 的配额对 %2 没有限制。</translation>
    </message>
    <message>
        <source>No: tenant %1 has used %2 of its %3 accelerator-hours this month.</source>
        <translation>否：租户 %1 本月已用 %2 卡时，限额 %3 卡时。</translation>
    </message>
    <message>
        <source>Tenant %1&apos;s quota: uses %2 of %3 across all models, room for %4 more.</source>
        <translation>租户 %1 的配额：全部型号合计已用 %2 / %3，还可再用 %4 张。</translation>
    </message>
    <message>
        <source>Tenant %1&apos;s quota: uses %2 of %3 %4, room for %5 more.</source>
        <translation>租户 %1 的配额：%4 已用 %2 / %3，还可再用 %5 张。</translation>
    </message>
    <message>
        <source>No: tenant %1&apos;s quota has room for %2 more (uses %3 of %4 across all models).</source>
        <translation>否：租户 %1 的配额只够再用 %2 张（全部型号合计已用 %3 / %4）。</translation>
    </message>
    <message>
        <source>No: tenant %1&apos;s quota has room for %2 more (uses %3 of %4 %5).</source>
        <translation>否：租户 %1 的配额只够再用 %2 张（%5 已用 %3 / %4）。</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>%1: live</source>
        <translation>%1：在线</translation>
    </message>
    <message>
        <source>%1: backend unreachable, data %2 s old</source>
        <translation>%1：后端无法访问，数据已滞后 %2 秒</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>%1: reconnecting in %2 s</source>
        <translation>%1：%2 秒后重连</translation>
    </message>
    <message>
        <source>%1: token refused</source>
        <translation>%1：令牌被拒绝</translation>
    </message>
    <message>
        <source>%1: certificate not trusted yet</source>
        <translation>%1：证书尚未受信任</translation>
    </message>
    <message>
        <source>%1: certificate changed — blocked</source>
        <translation>%1：证书已变更，已阻止连接</translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1：已断开</translation>
    </message>
</context>
<context>
    <name>EnergyFigures</name>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>This centre&apos;s gateway was not given its PUE or its grid&apos;s carbon factor, so facility power and emissions are not known. Its operators set them with suanlid serve --pue and --province (or --carbon-g-per-kwh).</source>
        <translation>此中心的网关未配置 PUE 或电网碳排放因子，因此设施功率和碳排放未知。运维人员可用 suanlid serve --pue 和 --province（或 --carbon-g-per-kwh）进行配置。</translation>
    </message>
</context>
<context>
    <name>GatewayWords</name>
    <message>
        <source>XID 79: GPU fell off the bus</source>
        <translation>XID 79：GPU 从总线上掉线</translation>
    </message>
    <message>
        <source>NHC: %1 %2 heartbeat lost</source>
        <translation>NHC：%1 %2 心跳丢失</translation>
    </message>
    <message>
        <source>NHC: %1 %2 not responding</source>
        <translation>NHC：%1 %2 无响应</translation>
    </message>
    <message>
        <source>NHC: RoCE link down (%1)</source>
        <translation>NHC：RoCE 链路断开（%1）</translation>
    </message>
    <message>
        <source>NHC: IB link down (%1)</source>
        <translation>NHC：IB 链路断开（%1）</translation>
    </message>
    <message>
        <source>NHC: %1 count %2 &lt; %3</source>
        <translation>NHC：%1 数量 %2 &lt; %3</translation>
    </message>
    <message>
        <source>XID 48: double-bit ECC error</source>
        <translation>XID 48：双比特 ECC 错误</translation>
    </message>
    <message>
        <source>uncorrectable HBM ECC error</source>
        <translation>不可纠正的 HBM ECC 错误</translation>
    </message>
    <message>
        <source>uncorrectable %1 ECC error</source>
        <translation>不可纠正的%1 ECC 错误</translation>
    </message>
    <message>
        <source>XID 31: GPU memory page fault</source>
        <translation>XID 31：GPU 显存页错误</translation>
    </message>
    <message>
        <source>XID 13: graphics engine exception</source>
        <translation>XID 13：图形引擎异常</translation>
    </message>
    <message>
        <source>AI Core exception</source>
        <translation>AI Core 异常</translation>
    </message>
    <message>
        <source>HBM correctable ECC storm</source>
        <translation>HBM 可纠正 ECC 错误风暴</translation>
    </message>
    <message>
        <source>%1 core exception</source>
        <translation>%1 核心异常</translation>
    </message>
    <message>
        <source>%1 memory page fault</source>
        <translation>%1 内存页错误</translation>
    </message>
    <message>
        <source>thermal throttling at %1 °C</source>
        <translation>%1 °C 过热降频</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>the simulated scheduler</source>
        <translation>模拟调度器</translation>
    </message>
    <message>
        <source>%1 (the centre&apos;s scheduler) unreachable since %2</source>
        <translation>%1（中心的调度器）自 %2 起无法访问</translation>
    </message>
    <message>
        <source>%1 (the centre&apos;s scheduler) unreachable since %2: %3</source>
        <translation>%1（中心的调度器）自 %2 起无法访问：%3</translation>
    </message>
    <message>
        <source>%1 down: %2</source>
        <translation>%1 宕机：%2</translation>
    </message>
    <message>
        <source>%1 %2 %3: %4</source>
        <translation>%1 的 %2 %3：%4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Shanghai</source>
        <translation>上海</translation>
    </message>
    <message>
        <source>Jiangsu</source>
        <translation>江苏</translation>
    </message>
    <message>
        <source>Hubei</source>
        <translation>湖北</translation>
    </message>
    <message>
        <source>Henan</source>
        <translation>河南</translation>
    </message>
    <message>
        <source>Shaanxi</source>
        <translation>陕西</translation>
    </message>
    <message>
        <source>Sichuan</source>
        <translation>四川</translation>
    </message>
    <message>
        <source>Guangdong</source>
        <translation>广东</translation>
    </message>
    <message>
        <source>uncorrectable memory ECC error</source>
        <translation>不可纠正的内存 ECC 错误</translation>
    </message>
    <message>
        <source>Not responding</source>
        <translation>无响应</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MetricsQuery</name>
    <message>
        <source>not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>部分分配</translation>
    </message>
    <message>
        <source>Draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>Drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>PendingReasonText</name>
    <message>
        <source>held by a user</source>
        <translation>已被用户挂起</translation>
    </message>
    <message>
        <source>held by an operator</source>
        <translation>已被运维人员挂起</translation>
    </message>
    <message>
        <source>waiting for free accelerators</source>
        <translation>等待空闲加速卡</translation>
    </message>
    <message>
        <source>waiting for free %1 accelerators</source>
        <translation>等待空闲的 %1 加速卡</translation>
    </message>
    <message>
        <source>waiting: jobs of higher priority are ahead</source>
        <translation>等待中：前面有更高优先级的作业</translation>
    </message>
    <message>
        <source>waiting: the nodes it asked for are down, drained or reserved</source>
        <translation>等待中：所申请的节点宕机、已排空或已预留</translation>
    </message>
    <message>
        <source>waiting for another job to finish</source>
        <translation>等待其他作业结束</translation>
    </message>
    <message>
        <source>waiting for the start time its user set</source>
        <translation>等待用户设定的开始时间</translation>
    </message>
    <message>
        <source>just submitted: the scheduler has not looked at it yet</source>
        <translation>刚提交：调度器尚未处理</translation>
    </message>
    <message>
        <source>waiting (the scheduler says %1)</source>
        <translation>等待中（调度器原因：%1）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>waiting: tenant %1 has used %2 of its %3 accelerator-hours across all models this month</source>
        <translation>等待中：租户 %1 本月全部型号合计已用 %2 卡时，限额 %3 卡时</translation>
    </message>
    <message>
        <source>waiting: tenant %1&apos;s accelerator-hours across all models for this month are used up</source>
        <translation>等待中：租户 %1 本月全部型号合计卡时已用完</translation>
    </message>
    <message>
        <source>waiting: tenant %1 has used %2 of its %3 accelerator-hours this month</source>
        <translation>等待中：租户 %1 本月已用 %2 卡时，限额 %3 卡时</translation>
    </message>
    <message>
        <source>waiting: tenant %1&apos;s accelerator-hours for this month are used up</source>
        <translation>等待中：租户 %1 本月卡时已用完</translation>
    </message>
    <message>
        <source>waiting: tenant %1 has used %2 of its %3 %4 accelerator-hours this month</source>
        <translation>等待中：租户 %1 本月已用 %2 %4 卡时，限额 %3 卡时</translation>
    </message>
    <message>
        <source>waiting: tenant %1&apos;s %2 accelerator-hours for this month are used up</source>
        <translation>等待中：租户 %1 本月 %2 卡时已用完</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators; project %2 uses %3 of %4 across all models</source>
        <translation>等待中：需要 %1 张加速卡；项目 %2 全部型号合计已用 %3 / %4</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators, more than project %2&apos;s quota across all models leaves free</source>
        <translation>等待中：需要 %1 张加速卡，超过项目 %2 全部型号合计配额的剩余量</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators; project %2 uses %3 of %4</source>
        <translation>等待中：需要 %1 张加速卡；项目 %2 已用 %3 / %4</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators, more than project %2&apos;s quota leaves free</source>
        <translation>等待中：需要 %1 张加速卡，超过项目 %2 配额的剩余量</translation>
    </message>
    <message>
        <source>waiting: needs %1 %2; project %3 uses %4 of %5</source>
        <translation>等待中：需要 %1 张 %2；项目 %3 已用 %4 / %5</translation>
    </message>
    <message>
        <source>waiting: needs %1 %2, more than project %3&apos;s quota leaves free</source>
        <translation>等待中：需要 %1 张 %2，超过项目 %3 配额的剩余量</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators; tenant %2 uses %3 of %4 across all models</source>
        <translation>等待中：需要 %1 张加速卡；租户 %2 全部型号合计已用 %3 / %4</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators, more than tenant %2&apos;s quota across all models leaves free</source>
        <translation>等待中：需要 %1 张加速卡，超过租户 %2 全部型号合计配额的剩余量</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators; tenant %2 uses %3 of %4</source>
        <translation>等待中：需要 %1 张加速卡；租户 %2 已用 %3 / %4</translation>
    </message>
    <message>
        <source>waiting: needs %1 accelerators, more than tenant %2&apos;s quota leaves free</source>
        <translation>等待中：需要 %1 张加速卡，超过租户 %2 配额的剩余量</translation>
    </message>
    <message>
        <source>waiting: needs %1 %2; tenant %3 uses %4 of %5</source>
        <translation>等待中：需要 %1 张 %2；租户 %3 已用 %4 / %5</translation>
    </message>
    <message>
        <source>waiting: needs %1 %2, more than tenant %3&apos;s quota leaves free</source>
        <translation>等待中：需要 %1 张 %2，超过租户 %3 配额的剩余量</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Shanghai Lingang · nodes by state</source>
        <translation>上海临港 · 节点状态</translation>
    </message>
    <message>
        <source>Shanghai Lingang · accelerator utilisation</source>
        <translation>上海临港 · 加速卡利用率</translation>
    </message>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>/ 16,000</source>
        <translation>/ 16,000</translation>
    </message>
    <message>
        <source>Queue wait p95</source>
        <translation>排队等待 p95</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>gpu-h800: 212 jobs pending</source>
        <translation>gpu-h800：212 个作业排队中</translation>
    </message>
    <message>
        <source>Nodes down</source>
        <translation>宕机节点</translation>
    </message>
    <message>
        <source>Power draw</source>
        <translation>用电功率</translation>
    </message>
    <message>
        <source>MW</source>
        <translation>MW</translation>
    </message>
    <message>
        <source>PUE 1.18 · 3.9 t CO₂/h</source>
        <translation>PUE 1.18 · 3.9 吨 CO₂/小时</translation>
    </message>
    <message>
        <source>Accelerator-hours used this month by tenant Zhejiang Lab (all projects)</source>
        <translation>租户之江实验室本月已用卡时（全部项目）</translation>
    </message>
    <message>
        <source>accelerator-hours</source>
        <translation>卡时</translation>
    </message>
    <message>
        <source>quota resets on the first of the month at 00:00 CST</source>
        <translation>配额于每月 1 日 00:00（北京时间）重置</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Reconnecting in 5 s</source>
        <translation>5 秒后重连</translation>
    </message>
    <message>
        <source>Certificate changed</source>
        <translation>证书已变更</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
</context>
<context>
    <name>QuotaImpact</name>
    <message>
        <source>The gateway marked this request for a centre admin.</source>
        <translation>网关已将此申请标记为需中心管理员审批。</translation>
    </message>
    <message>
        <source>It changes tenant %1&apos;s own quota, which only a centre admin sets.</source>
        <translation>此申请修改租户 %1 自身的配额，只有中心管理员可以设置。</translation>
    </message>
    <message>
        <source>Its projects would hold %1 %2 against tenant %3&apos;s quota of %4.</source>
        <translation>其项目配额合计将达 %1 张 %2，超出租户 %3 的配额 %4 张。</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>租户 %1</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <source>Approving it would change nothing: %1&apos;s limit across all models is %2 and is reached first, so the gateway refuses it. Ask for the limit across all models instead.</source>
        <translation>批准它不会带来任何变化：%1 的全部型号合计配额为 %2 张，会先达到上限，因此网关会拒绝。请改为申请全部型号合计配额。</translation>
    </message>
    <message>
        <source>Its projects would hold %1 accelerators across all models against tenant %2&apos;s limit of %3.</source>
        <translation>其项目的全部型号合计配额将达 %1 张，超出租户 %2 的合计配额 %3 张。</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>Needs the operator or admin role.</source>
        <translation>需要运维人员或管理员角色。</translation>
    </message>
    <message>
        <source>Needs the tenant-manager or admin role.</source>
        <translation>需要租户管理员或管理员角色。</translation>
    </message>
    <message>
        <source>Needs the admin role.</source>
        <translation>需要管理员角色。</translation>
    </message>
    <message>
        <source>Needs the operator, tenant-manager or admin role, acting for a tenant.</source>
        <translation>需要运维人员、租户管理员或管理员角色，并代表某个租户操作。</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>TrustPrompt</name>
    <message>
        <source>%1 presents a certificate authority with fingerprint %2, not the %3 given for it. The connection is blocked: check the fingerprint with the centre&apos;s operators and correct it under File → Manage centres.</source>
        <translation>%1 提供的证书颁发机构指纹为 %2，而非为其设定的 %3。连接已被阻止：请与该中心的运维人员核对指纹，并在“文件 → 管理中心”中更正。</translation>
    </message>
    <message>
        <source>%1 is not connected: its certificate was not trusted.</source>
        <translation>%1 未连接：其证书未被信任。</translation>
    </message>
    <message>
        <source>%1 now presents a DIFFERENT certificate authority (%2). The connection is blocked: this can mean someone is intercepting it. Check with the centre&apos;s operators before trusting it.</source>
        <translation>%1 现在提供的证书颁发机构已变更（%2）。连接已被阻止：这可能意味着有人在拦截通信。请先与该中心的运维人员核实，再决定是否信任。</translation>
    </message>
    <message>
        <source>%1 refused the token: it may have been revoked. Ask an admin for a new one.</source>
        <translation>%1 拒绝了令牌：令牌可能已被吊销。请向管理员申请新令牌。</translation>
    </message>
    <message>
        <source>Trust this centre?</source>
        <translation>信任此中心？</translation>
    </message>
    <message>
        <source>%1 presents a certificate authority this console has not seen before.

SHA-256 fingerprint:
%2

Compare it with the fingerprint suanlid printed when it started. Trust it?</source>
        <translation>%1 提供了本控制台从未见过的证书颁发机构。

SHA-256 指纹：
%2

请与 suanlid 启动时打印的指纹进行比对。是否信任？</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>部分分配</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>completing</source>
        <translation>结束中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>运维人员</translation>
    </message>
    <message>
        <source>tenant manager</source>
        <translation>租户管理员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>node down</source>
        <translation>节点宕机</translation>
    </message>
    <message>
        <source>XID error</source>
        <translation>XID 错误</translation>
    </message>
    <message>
        <source>ECC errors</source>
        <translation>ECC 错误</translation>
    </message>
    <message>
        <source>overheating</source>
        <translation>过热</translation>
    </message>
    <message>
        <source>long queue wait</source>
        <translation>排队过久</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 MW</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator of list items</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>pending</source>
        <comment>quota request state</comment>
        <translation>待审批</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>This centre reports no accelerator telemetry, so utilisation, power and carbon are not measured. Start its gateway with --metrics-url to collect them.</source>
        <translation>此中心未上报加速卡遥测数据，因此无法测量利用率、功率和碳排放。请以 --metrics-url 启动其网关以采集这些数据。</translation>
    </message>
    <message>
        <source>scheduler unreachable</source>
        <translation>调度器不可达</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>全部型号</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a tenant&apos;s name and its id: Galaxy AI (galaxy)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Management console for AI compute centres.</source>
        <translation>智算中心管理控制台。</translation>
    </message>
    <message>
        <source>Start three simulated centres and connect to them.</source>
        <translation>启动三个模拟中心并连接。</translation>
    </message>
    <message>
        <source>No saved centre is named “%1”: add it in the console first (suanli without --wall).</source>
        <translation>没有名为“%1”的已保存中心：请先在控制台中添加（运行 suanli，不带 --wall）。</translation>
    </message>
    <message>
        <source>No centres configured yet: add them in the console (suanli), or try the wall with `suanli --wall --demo`.</source>
        <translation>尚未配置任何中心：请在控制台（suanli）中添加，或运行 `suanli --wall --demo` 试用大屏。</translation>
    </message>
    <message>
        <source>There is no screen %1 (screens 0 to %2): showing the wall on the primary screen.</source>
        <translation>不存在屏幕 %1（可用屏幕 0 到 %2）：大屏将显示在主屏幕上。</translation>
    </message>
    <message>
        <source>With --wall: show this saved centre (repeat for several; default: all saved centres).</source>
        <translation>与 --wall 一起使用：显示此已保存的中心（可重复指定多个；默认：全部已保存的中心）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>With --wall: seconds each page stays up (default 15).</source>
        <translation>与 --wall 一起使用：每页停留的秒数（默认 15）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>With --wall: the screen to fill, from 0 (default: primary).</source>
        <translation>与 --wall 一起使用：要占满的屏幕编号，从 0 开始（默认：主屏幕）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>With --wall: longest a new critical alert holds the whole screen, in seconds (default 0: until it clears or is acknowledged; 30 with --demo).</source>
        <translation>与 --wall 一起使用：新的严重告警占据整个屏幕的最长秒数（默认 0：直到告警恢复或被确认；--demo 时为 30）。</translation>
    </message>
    <message>
        <source>--rotate takes a number of seconds, 0 or more (got “%1”).</source>
        <translation>--rotate 需要一个不小于 0 的秒数（收到的是“%1”）。</translation>
    </message>
    <message>
        <source>--screen takes a screen number from 0 (got “%1”).</source>
        <translation>--screen 需要一个从 0 开始的屏幕编号（收到的是“%1”）。</translation>
    </message>
    <message>
        <source>--takeover takes a number of seconds, 0 or more (got “%1”).</source>
        <translation>--takeover 需要一个不小于 0 的秒数（收到的是“%1”）。</translation>
    </message>
    <message>
        <source>No centres configured yet: connect to one with File → Connect to centre, or start `suanli --demo` to try three simulated centres.</source>
        <translation>尚未配置任何中心：可通过“文件 → 连接中心”连接，或运行 `suanli --demo` 启动三个模拟中心试用。</translation>
    </message>
    <message>
        <source>Run as a wall display: full screen, read only, pages rotating, no dialogs. Esc or Q pressed twice leaves it (not with --kiosk).</source>
        <translation>以大屏模式运行：全屏、只读、页面轮播、不弹对话框。连按两次 Esc 或 Q 退出（--kiosk 时不可退出）。</translation>
    </message>
    <message>
        <source>With --wall: at most one takeover per alert kind in this many minutes (default 10; 0: no limit); the others stay in the ticker.</source>
        <translation>与 --wall 一起使用：同一类告警在这么多分钟内最多占据全屏一次（默认 10；0：不限）；其余告警留在滚动条中。</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>With --wall: Esc and Q do nothing; the wall runs until it is stopped.</source>
        <translation>与 --wall 一起使用：Esc 和 Q 不起作用；大屏一直运行到被停止。</translation>
    </message>
    <message>
        <source>--takeover-every takes a number of minutes, 0 or more (got “%1”).</source>
        <translation>--takeover-every 需要一个不小于 0 的分钟数（收到的是“%1”）。</translation>
    </message>
</context>
<context>
    <name>suanli::app::AboutDialog</name>
    <message>
        <source>About Suanli</source>
        <translation>关于 Suanli</translation>
    </message>
    <message>
        <source>Suanli (算力) %1</source>
        <translation>Suanli（算力）%1</translation>
    </message>
    <message>
        <source>A management console for AI compute centres.</source>
        <translation>智算中心管理控制台。</translation>
    </message>
    <message>
        <source>Centres connected</source>
        <translation>已连接的中心</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>%1: gateway version not known yet (it has not answered)</source>
        <translation>%1：网关版本尚不可知（网关尚未应答）</translation>
    </message>
    <message>
        <source>%1: gateway suanlid %2 (%3)</source>
        <translation>%1：网关 suanlid %2（%3）</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>公有领域</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>所用软件库</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>a library and its licence</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <comment>a library, its version and its licence</comment>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>SQLite keeps the gateway&apos;s records (suanlid); the console does not use it. Because the console&apos;s charts use QCustomPlot, which is under the GPL-3.0, the console as a whole is distributed under the GPL-3.0.</source>
        <translation>SQLite 保存网关（suanlid）的记录，控制台本身不使用它。控制台的图表使用采用 GPL-3.0 许可的 QCustomPlot，因此控制台整体按 GPL-3.0 分发。</translation>
    </message>
</context>
<context>
    <name>suanli::app::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation>已于 %1 恢复</translation>
    </message>
    <message>
        <source>acknowledged %1</source>
        <translation>已于 %1 确认</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>suanli::app::AlertsPage</name>
    <message>
        <source>Filter, e.g. severity:critical kind:xid lg-r0017</source>
        <translation>筛选，例如 severity:critical kind:xid lg-r0017</translation>
    </message>
    <message>
        <source>Show ac&amp;knowledged</source>
        <translation>显示已确认(&amp;K)</translation>
    </message>
    <message>
        <source>Show c&amp;leared</source>
        <translation>显示已恢复(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>确认(&amp;A)…</translation>
    </message>
    <message>
        <source>Also list alerts someone has acknowledged</source>
        <translation>同时列出已被确认的告警</translation>
    </message>
    <message>
        <source>Also list alerts whose condition is gone</source>
        <translation>同时列出已恢复的告警</translation>
    </message>
    <message>
        <source>Say you are on the selected alerts, with an optional comment (Ctrl+Shift+A)</source>
        <translation>表明您正在处理所选告警，可附备注（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open alert(s), %1 not acknowledged</source>
        <translation>
            <numerusform>%Ln 条未处理告警，%1 条未确认</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %Ln alert(s)? Others will see that you are on it.</source>
        <translation>
            <numerusform>确认 %Ln 条告警？其他人将看到您正在处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>No alert matches the filter</source>
        <translation>没有告警符合筛选条件</translation>
    </message>
</context>
<context>
    <name>suanli::app::AuditPage</name>
    <message>
        <source>Filter, e.g. user:ops.wang action:CancelJobs result!=OK time&gt;2026-11-01</source>
        <translation>筛选，例如 user:ops.wang action:CancelJobs result!=OK time&gt;2026-11-01</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the newest entries that match the filter (F5)</source>
        <translation>加载符合筛选条件的最新条目（F5）</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>The audit log is open to operators and admins. %1</source>
        <translation>审计日志仅对运维人员和管理员开放。%1</translation>
    </message>
    <message>
        <source>Fix the filter to search the log: %1</source>
        <translation>请修正筛选条件后再查询日志：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message numerus="yes">
        <source>Load the next %Ln older entries (Ctrl+M)</source>
        <translation>
            <numerusform>再加载 %Ln 条更早的条目（Ctrl+M）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>共 %Ln 条，已显示 %1 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>suanli::app::AuditTableModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>hash %1</source>
        <translation>哈希 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
</context>
<context>
    <name>suanli::app::ConfirmActionDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>及另外 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Required: shown to other admins and in the audit log</source>
        <translation>必填，记入审计日志</translation>
    </message>
    <message>
        <source>Optional: kept in the audit log</source>
        <translation>选填，记入审计日志</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>suanli::app::ConnectDialog</name>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>CA fingerprint (SHA-256)</source>
        <translation>CA 指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Trust on first use</source>
        <translation>首次使用时信任</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connect to a centre</source>
        <translation>连接中心</translation>
    </message>
    <message>
        <source>e.g. Shanghai Lingang</source>
        <translation>例如 上海临港</translation>
    </message>
    <message>
        <source>host:port, e.g. gateway.lingang.example:7443</source>
        <translation>host:port，例如 gateway.lingang.example:7443</translation>
    </message>
    <message>
        <source>ca.pem from the centre&apos;s operators</source>
        <translation>中心运维人员提供的 ca.pem</translation>
    </message>
    <message>
        <source>AB:CD:… as suanlid prints it</source>
        <translation>AB:CD:…，与 suanlid 打印的一致</translation>
    </message>
    <message>
        <source>the token `suanlid user add` printed</source>
        <translation>`suanlid user add` 打印的令牌</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Trust:</source>
        <translation>信任方式：</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>The centre&apos;s CA certificate</source>
        <translation>中心的 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the address and that the centre&apos;s gateway (suanlid) is running.</source>
        <translation>无法连接 %1：%2。请检查地址，并确认该中心的网关（suanlid）正在运行。</translation>
    </message>
    <message>
        <source>Reachable, and the gateway presents the expected CA (%1).</source>
        <translation>可以连接，网关提供的 CA 与预期一致（%1）。</translation>
    </message>
    <message>
        <source>The gateway presents a CA with fingerprint %1, not the expected %2. Check with the centre&apos;s operators before connecting.</source>
        <translation>网关提供的 CA 指纹为 %1，而不是预期的 %2。连接前请与该中心的运维人员核实。</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation>已保存 — 留空则保持不变</translation>
    </message>
    <message>
        <source>Choose the CA certificate file (ca.pem) the centre&apos;s operators gave you, or pick another way to trust the centre.</source>
        <translation>请选择中心运维人员提供的 CA 证书文件（ca.pem），或选择其他信任方式。</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2.</source>
        <translation>无法读取 CA 文件 %1：%2。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate: choose the ca.pem of the centre&apos;s gateway.</source>
        <translation>%1 中没有 PEM 证书：请选择该中心网关的 ca.pem。</translation>
    </message>
    <message>
        <source>Give the centre a name, e.g. “Shanghai Lingang”.</source>
        <translation>请为中心命名，例如“上海临港”。</translation>
    </message>
    <message>
        <source>The name may not contain “/”.</source>
        <translation>名称中不能包含“/”。</translation>
    </message>
    <message>
        <source>A centre called “%1” is already saved: choose another name, or edit that one under File → Manage centres.</source>
        <translation>已保存名为“%1”的中心：请换一个名称，或在“文件 → 管理中心”中编辑该中心。</translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s address as host:port, e.g. gateway.lingang.example:7443.</source>
        <translation>请以 host:port 形式输入网关地址，例如 gateway.lingang.example:7443。</translation>
    </message>
    <message>
        <source>“%1” is not host:port: add the gateway&apos;s port, e.g. %2:7443.</source>
        <translation>“%1”不是 host:port 格式：请加上网关端口，例如 %2:7443。</translation>
    </message>
    <message>
        <source>The fingerprint must be the CA&apos;s SHA-256: 64 hexadecimal digits, with or without colons, as suanlid prints it when it starts.</source>
        <translation>指纹必须是 CA 的 SHA-256：64 位十六进制数字，可带或不带冒号，与 suanlid 启动时打印的一致。</translation>
    </message>
    <message>
        <source>Enter the access token the centre&apos;s admin gave you (`suanlid user add` prints it).</source>
        <translation>请输入中心管理员提供的访问令牌（由 `suanlid user add` 打印）。</translation>
    </message>
    <message>
        <source>The token contains spaces: paste it exactly as it was given.</source>
        <translation>令牌中含有空格：请按原样粘贴。</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1，%3 的%2</translation>
    </message>
    <message>
        <source>The token is accepted: the console would act as %1 at %2.</source>
        <translation>令牌有效：控制台将以 %1 的身份在 %2 操作。</translation>
    </message>
    <message>
        <source>The gateway refuses the token (%1): ask the centre&apos;s admin for a new one (`suanlid token create`).</source>
        <translation>网关拒绝了该令牌（%1）：请向中心管理员索取新令牌（`suanlid token create`）。</translation>
    </message>
    <message>
        <source>The token could not be checked: %1.</source>
        <translation>无法检查令牌：%1。</translation>
    </message>
    <message>
        <source>Reachable. The gateway presents a CA with fingerprint %1; you will be asked to trust it when connecting, and the token is checked then.</source>
        <translation>可以连接。网关提供的 CA 指纹为 %1；连接时会询问您是否信任，届时再检查令牌。</translation>
    </message>
    <message>
        <source>The stored token is kept; it is checked when connecting.</source>
        <translation>保留已存储的令牌；连接时再检查。</translation>
    </message>
    <message>
        <source>Enter the token to check it too.</source>
        <translation>输入令牌即可一并检查。</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>正在检查令牌…</translation>
    </message>
    <message>
        <source>No system keychain answers (%1): the token will be kept in %2, which only you can read.</source>
        <translation>系统钥匙串无应答（%1）：令牌将保存在 %2，该文件仅您本人可读。</translation>
    </message>
</context>
<context>
    <name>suanli::app::DecideQuotaRequestDialog</name>
    <message>
        <source>Reject quota request</source>
        <translation>驳回配额申请</translation>
    </message>
    <message>
        <source>Approve quota request</source>
        <translation>批准配额申请</translation>
    </message>
    <message>
        <source>Asked by %1: “%2”</source>
        <translation>申请人 %1：“%2”</translation>
    </message>
    <message>
        <source>Needed until %1</source>
        <translation>需要至 %1</translation>
    </message>
    <message>
        <source>&amp;Comment (required: tell the requester why):</source>
        <translation>备注(&amp;C)（必填：告诉申请人驳回原因）：</translation>
    </message>
    <message>
        <source>&amp;Comment (optional: the requester and the audit log see it):</source>
        <translation>备注(&amp;C)（选填：申请人可见，并记入审计日志）：</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>%1: %2 quota %3 → %4 accelerators</source>
        <translation>%1：%2 配额 %3 → %4 张</translation>
    </message>
    <message>
        <source>Approve %1 and apply it now? %2.</source>
        <translation>批准 %1 并立即生效？%2。</translation>
    </message>
    <message>
        <source>Reject %1 (%2)? The quota stays as it is.</source>
        <translation>驳回 %1（%2）？配额保持不变。</translation>
    </message>
    <message>
        <source>%1: limit across all models %2 → %3 accelerators</source>
        <translation>%1：全部型号合计配额 %2 → %3 张</translation>
    </message>
</context>
<context>
    <name>suanli::app::DemoFederation</name>
    <message>
        <source>suanlid was not found next to the console or on PATH; build it or install it first.</source>
        <translation>在控制台所在目录和 PATH 中均未找到 suanlid，请先构建或安装。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the demo centres: %1</source>
        <translation>无法为演示中心创建临时目录：%1</translation>
    </message>
    <message>
        <source>Could not create the demo admin for %1: %2</source>
        <translation>无法为 %1 创建演示管理员：%2</translation>
    </message>
    <message>
        <source>The demo centre %1 could not start.</source>
        <translation>演示中心 %1 无法启动。</translation>
    </message>
    <message>
        <source>The demo centre %1 stopped (exit %2): %3</source>
        <translation>演示中心 %1 已停止（退出码 %2）：%3</translation>
    </message>
</context>
<context>
    <name>suanli::app::EnergyPage</name>
    <message>
        <source>Site power</source>
        <translation>中心功率</translation>
    </message>
    <message>
        <source>Facility (IT × PUE)</source>
        <translation>设施（IT × PUE）</translation>
    </message>
    <message>
        <source>IT (servers)</source>
        <translation>IT（服务器）</translation>
    </message>
    <message>
        <source>PUE (facility power ÷ IT power)</source>
        <translation>PUE（设施功率 ÷ IT 功率）</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Grid carbon intensity</source>
        <translation>电网碳排放因子</translation>
    </message>
    <message>
        <source>CO₂ per kWh drawn</source>
        <translation>每 kWh 用电的 CO₂</translation>
    </message>
    <message>
        <source>Emissions</source>
        <translation>排放量</translation>
    </message>
    <message>
        <source>CO₂ emitted</source>
        <translation>CO₂ 排放量</translation>
    </message>
    <message>
        <source>not configured</source>
        <comment>after a chart&apos;s series in its legend</comment>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Not configured: this centre&apos;s gateway was not given its PUE</source>
        <translation>未配置：此中心的网关未配置 PUE</translation>
    </message>
    <message>
        <source>Not configured: this centre&apos;s gateway was not given its grid&apos;s carbon factor</source>
        <translation>未配置：此中心的网关未配置电网碳排放因子</translation>
    </message>
    <message>
        <source>Not configured: emissions need the centre&apos;s PUE and its grid&apos;s carbon factor</source>
        <translation>未配置：碳排放需要中心的 PUE 和电网碳排放因子</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
</context>
<context>
    <name>suanli::app::Federation</name>
    <message>
        <source>the same address, %1</source>
        <translation>地址相同：%1</translation>
    </message>
    <message>
        <source>the same site, %1, behind the same CA %2</source>
        <translation>同一站点 %1，且 CA 相同 %2</translation>
    </message>
    <message>
        <source>“%1” is the centre already connected as “%2” (%3): it is not connected twice, so its accelerators are counted once.</source>
        <translation>“%1”就是已连接的中心“%2”（%3）：不会重复连接，其加速卡只计一次。</translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationEnergyChart</name>
    <message>
        <source>Facility power by centre</source>
        <translation>各中心设施功率</translation>
    </message>
    <message>
        <source>CO₂ emissions by centre</source>
        <translation>各中心 CO₂ 排放量</translation>
    </message>
    <message>
        <source>not configured</source>
        <comment>after a chart&apos;s series in its legend</comment>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Not configured: no centre&apos;s gateway was given its PUE</source>
        <translation>未配置：没有中心的网关配置了 PUE</translation>
    </message>
    <message>
        <source>Not configured: no centre&apos;s gateway was given its PUE and grid carbon factor</source>
        <translation>未配置：没有中心的网关配置了 PUE 和电网碳排放因子</translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationModel</name>
    <message>
        <source>%1 of %2 live</source>
        <translation>%2 个中 %1 个在线</translation>
    </message>
    <message>
        <source>Backend unreachable</source>
        <translation>后端无法访问</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重连</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>令牌被拒绝</translation>
    </message>
    <message>
        <source>Certificate not trusted yet</source>
        <translation>证书尚未受信任</translation>
    </message>
    <message>
        <source>Certificate changed — blocked</source>
        <translation>证书已变更，已阻止连接</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>最旧 %1</translation>
    </message>
    <message>
        <source>%1 t CO₂/h</source>
        <translation>%1 t CO₂/h</translation>
    </message>
    <message>
        <source>%1 kg CO₂/h</source>
        <translation>%1 kg CO₂/h</translation>
    </message>
    <message>
        <source>Includes the last known figures of centres that are not live.</source>
        <translation>包含未在线中心的最后已知数据。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>数据时效</translation>
    </message>
    <message>
        <source>%1 accelerators</source>
        <comment>accelerator model</comment>
        <translation>%1 加速卡</translation>
    </message>
    <message>
        <source>    in use</source>
        <translation>    在用</translation>
    </message>
    <message>
        <source>    free</source>
        <translation>    空闲</translation>
    </message>
    <message>
        <source>    down</source>
        <translation>    故障</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>IT power</source>
        <translation>IT 功率</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Carbon</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <source>Total (%1 of %2 live)</source>
        <translation>合计（%2 个中 %1 个在线）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 — click to open its overview</source>
        <translation>%1 — 点击打开其总览</translation>
    </message>
    <message>
        <source>All centres summed</source>
        <translation>所有中心合计</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 centres)</source>
        <translation>%1（%3 个中心中的 %2 个）</translation>
    </message>
    <message>
        <source>Covers only the %1 of %2 centres that report accelerator telemetry.</source>
        <translation>仅涵盖 %2 个中心中上报加速卡遥测数据的 %1 个。</translation>
    </message>
    <message>
        <source>Covers only the %1 of %2 centres that have this figure: the others do not measure accelerator power or were not given their PUE or grid carbon factor.</source>
        <translation>仅涵盖 %2 个中心中具备该数据的 %1 个：其余中心未采集加速卡功率，或未配置 PUE 或电网碳排放因子。</translation>
    </message>
    <message>
        <source>    unavailable (drained)</source>
        <translation>    不可用（已排空）</translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationPage</name>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>Accelerators free</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Accelerators down</source>
        <translation>故障加速卡</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>Carbon per hour</source>
        <translation>每小时碳排放</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>所有中心</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>PUE %1</source>
        <translation>PUE %1</translation>
    </message>
    <message>
        <source>t CO₂</source>
        <translation>t CO₂</translation>
    </message>
    <message>
        <source>%1 of %2 centres live: includes last known figures</source>
        <translation>%2 个中心中 %1 个在线：包含最后已知数据</translation>
    </message>
    <message>
        <source>No centre connected</source>
        <translation>未连接任何中心</translation>
    </message>
    <message>
        <source>1 centre, live</source>
        <translation>1 个中心，在线</translation>
    </message>
    <message>
        <source>%1 centres, all live</source>
        <translation>%1 个中心，全部在线</translation>
    </message>
    <message>
        <source>only the %1 of %2 centres with telemetry</source>
        <translation>仅含 %2 个中心中有遥测数据的 %1 个</translation>
    </message>
    <message>
        <source>PUE not configured</source>
        <translation>PUE 未配置</translation>
    </message>
    <message>
        <source>only %1 of %2 centres</source>
        <translation>仅含 %2 个中心中的 %1 个</translation>
    </message>
    <message>
        <source>Federation</source>
        <translation>联邦总览</translation>
    </message>
    <message>
        <source>Accelerators unavailable</source>
        <translation>不可用加速卡</translation>
    </message>
    <message>
        <source>On draining, drained or maintenance nodes: not down, but taking no new work.</source>
        <translation>位于排空中、已排空或维护中的节点上：没有故障，但不接新作业。</translation>
    </message>
    <message>
        <source>Filter centres by name or province…</source>
        <translation>按名称或省份筛选中心…</translation>
    </message>
    <message>
        <source>Select centres in the table to compare their power and emissions.</source>
        <translation>在表中选择中心，比较其功率和排放。</translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationTableModel</name>
    <message numerus="yes">
        <source>%n accelerator(s) down</source>
        <translation>
            <numerusform>%n 张加速卡故障</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open critical alert(s)</source>
        <translation>
            <numerusform>%n 条未处理的严重告警</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Province not configured</source>
        <translation>未配置省份</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <source>Utilisation over the last %n minute(s), sampled by this console</source>
        <translation>
            <numerusform>最近 %n 分钟的利用率，由本控制台采样</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a group of centres and how many</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 of %2 live</source>
        <translation>%2 个中 %1 个在线</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>最旧 %1</translation>
    </message>
    <message>
        <source>Accelerators on draining, drained or maintenance nodes: not down, but taking no new work.</source>
        <translation>位于排空中、已排空或维护中节点上的加速卡：没有故障，但不接新作业。</translation>
    </message>
    <message>
        <source>Utilisation over the last 15 minutes, sampled by this console.</source>
        <translation>最近 15 分钟的利用率，由本控制台采样。</translation>
    </message>
    <message>
        <source>Critical alerts not cleared or acknowledged.</source>
        <translation>未清除且未确认的严重告警。</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>数据时效</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Carbon</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>suanli::app::FilterBar</name>
    <message>
        <source>Filter the rows: field:value, field&gt;number, words to look for; Ctrl+F to come here</source>
        <translation>筛选行：字段:值、字段&gt;数值，或要查找的词；按 Ctrl+F 跳到此处</translation>
    </message>
    <message>
        <source>Position %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every row again</source>
        <translation>重新显示所有行</translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation>%2 项中 %1 项符合</translation>
    </message>
    <message>
        <source>Every row is shown until the filter is corrected.</source>
        <translation>在筛选条件改正之前显示全部行。</translation>
    </message>
    <message>
        <source>The rows shown are those of the last valid filter: %1</source>
        <translation>当前显示的是上一个有效筛选条件的结果：%1</translation>
    </message>
    <message>
        <source>&amp;Filter the rows</source>
        <translation>筛选行(&amp;F)</translation>
    </message>
</context>
<context>
    <name>suanli::app::FilterText</name>
    <message>
        <source>&quot;-&quot; must be followed by a term to exclude, e.g. -state:down</source>
        <translation>“-”后面要跟一个要排除的条件，例如 -state:down</translation>
    </message>
    <message>
        <source>missing field name before &quot;%1&quot;, e.g. state:idle</source>
        <translation>“%1”前缺少字段名，例如 state:idle</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; for %2 (known: %3)</source>
        <translation>%2 没有字段“%1”（可用的字段：%3）</translation>
    </message>
    <message>
        <source>unknown operator &quot;!&quot;: use &quot;!=&quot;, or &quot;-&quot; before a term to exclude it</source>
        <translation>未知运算符“!”：请用“!=”，或在条件前加“-”来排除</translation>
    </message>
    <message>
        <source>%1 is text and cannot be compared with &quot;%2&quot;: use &quot;:&quot; (contains), &quot;=&quot; or &quot;!=&quot;</source>
        <translation>%1 是文本，不能用“%2”比较：请用“:”（包含）、“=”或“!=”</translation>
    </message>
    <message>
        <source>%1 cannot be compared with &quot;%2&quot;: use &quot;:&quot;, &quot;=&quot; or &quot;!=&quot;, e.g. %1:%3</source>
        <translation>%1 不能用“%2”比较：请用“:”、“=”或“!=”，例如 %1:%3</translation>
    </message>
    <message>
        <source>unterminated quote: add a closing &quot;</source>
        <translation>引号没有闭合：请补上结尾的 &quot;</translation>
    </message>
    <message>
        <source>expected a space or &quot;,&quot; after the closing quote</source>
        <translation>结尾引号后面应是空格或“,”</translation>
    </message>
    <message>
        <source>empty value after &quot;,&quot;</source>
        <translation>“,”后面的值是空的</translation>
    </message>
    <message>
        <source>empty value</source>
        <translation>值是空的</translation>
    </message>
    <message>
        <source>%1 needs a value after &quot;%2&quot;, e.g. %1%2%3</source>
        <translation>%1 在“%2”后面需要一个值，例如 %1%2%3</translation>
    </message>
    <message>
        <source>%1 expects a number, got &quot;%2&quot;</source>
        <translation>%1 需要一个数字，这里是“%2”</translation>
    </message>
    <message>
        <source>%1 expects seconds or a duration like 90m, 2h or 3d, got &quot;%2&quot;</source>
        <translation>%1 需要秒数或时长（如 90m、2h、3d），这里是“%2”</translation>
    </message>
    <message>
        <source>%1 expects a UTC date like 2024-05-01 or 2024-05-01T08:00:00Z, got &quot;%2&quot;</source>
        <translation>%1 需要 UTC 日期（如 2024-05-01 或 2024-05-01T08:00:00Z），这里是“%2”</translation>
    </message>
    <message>
        <source>%1 expects true or false (or yes/no), got &quot;%2&quot;</source>
        <translation>%1 需要 true 或 false（或 yes/no），这里是“%2”</translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot; for %3 (known: %4)</source>
        <translation>%3 没有这个 %1：“%2”（可用的值：%4）</translation>
    </message>
</context>
<context>
    <name>suanli::app::JobTableModel</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation>租户 / 项目</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why waiting</source>
        <translation>等待原因</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Waited / ran for</source>
        <translation>已等待 / 已运行</translation>
    </message>
    <message>
        <source>The scheduler&apos;s reason: %1</source>
        <translation>调度器给出的原因：%1</translation>
    </message>
    <message numerus="yes">
        <source>on %n node(s): %1</source>
        <translation>
            <numerusform>运行于 %Ln 个节点：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asks for %n node(s)</source>
        <translation>
            <numerusform>申请 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting since %1</source>
        <translation>自 %1 起等待</translation>
    </message>
    <message>
        <source>ran from %1 to %2</source>
        <translation>运行于 %1 至 %2</translation>
    </message>
    <message>
        <source>running since %1, time limit %2</source>
        <translation>自 %1 起运行，时限 %2</translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation>自 %1 起运行</translation>
    </message>
</context>
<context>
    <name>suanli::app::JobsPage</name>
    <message>
        <source>Filter, e.g. state:pending reason:quota tenant:galaxy acc&gt;=64 wait&gt;1h</source>
        <translation>筛选，例如 state:pending reason:quota tenant:galaxy acc&gt;=64 wait&gt;1h</translation>
    </message>
    <message>
        <source>&amp;Cancel…</source>
        <translation>取消作业(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>挂起(&amp;H)</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>释放(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;queue…</source>
        <translation>重新排队(&amp;Q)…</translation>
    </message>
    <message>
        <source>Set &amp;priority…</source>
        <translation>设置优先级(&amp;P)…</translation>
    </message>
    <message>
        <source>End the selected jobs; running jobs are stopped (Ctrl+K)</source>
        <translation>结束所选作业；正在运行的作业将被终止（Ctrl+K）</translation>
    </message>
    <message>
        <source>Keep the selected pending jobs from starting (Ctrl+H)</source>
        <translation>阻止所选排队中的作业启动（Ctrl+H）</translation>
    </message>
    <message>
        <source>Let the selected held jobs start again (Ctrl+L)</source>
        <translation>允许所选已挂起的作业重新启动（Ctrl+L）</translation>
    </message>
    <message>
        <source>Stop the selected running jobs and put them back in the queue (Ctrl+Shift+R)</source>
        <translation>停止所选运行中的作业并放回队列（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Change the priority of the selected pending or held jobs (Ctrl+P)</source>
        <translation>修改所选排队中或已挂起作业的优先级（Ctrl+P）</translation>
    </message>
    <message>
        <source>Cancel jobs</source>
        <translation>取消作业</translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation>重新排队</translation>
    </message>
    <message numerus="yes">
        <source>%Ln active job(s)</source>
        <translation>
            <numerusform>%Ln 个活动作业</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln active job(s) match the filter</source>
        <translation>
            <numerusform>%Ln 个活动作业中有 %1 个符合筛选条件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln selected</source>
        <translation>
            <numerusform>，已选 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other selected job(s) are left alone: the action does not apply to their state.</source>
        <translation>
            <numerusform>另有 %Ln 个所选作业未处理：该操作不适用于其状态。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln job(s)? Running ones are stopped; this cannot be undone.</source>
        <translation>
            <numerusform>取消 %Ln 个作业？正在运行的作业将被终止，此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requeue %Ln running job(s)? They stop now and wait in the queue again; work since their last checkpoint is lost.</source>
        <translation>
            <numerusform>将 %Ln 个运行中的作业重新排队？它们将立即停止并重新排队；自上次检查点以来的计算将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>No job matches the filter</source>
        <translation>没有作业符合筛选条件</translation>
    </message>
    <message>
        <source>%1  %2 (%3)</source>
        <comment>a job in a confirmation: id, name (user)</comment>
        <translation>%1  %2（%3）</translation>
    </message>
    <message>
        <source>Keep jobs</source>
        <translation>保留作业</translation>
    </message>
    <message>
        <source>Hold jobs</source>
        <translation>挂起作业</translation>
    </message>
    <message numerus="yes">
        <source>Hold %Ln pending job(s)? They stay in the queue without starting until released.</source>
        <translation>
            <numerusform>挂起 %Ln 个排队中的作业？它们留在队列中，释放之前不会启动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s)</source>
        <translation>
            <numerusform>%Ln 个作业</numerusform>
        </translation>
    </message>
    <message>
        <source>Held %1</source>
        <translation>已挂起 %1</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
</context>
<context>
    <name>suanli::app::MainWindow</name>
    <message>
        <source>Suanli — compute centre console</source>
        <translation>Suanli 算力 — 智算中心控制台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Suanli</source>
        <translation>关于 Suanli(&amp;A)</translation>
    </message>
    <message>
        <source>Federation</source>
        <translation>联邦总览</translation>
    </message>
    <message>
        <source>&amp;Connect to centre…</source>
        <translation>连接中心(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Manage centres…</source>
        <translation>管理中心(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Disconnect from %1</source>
        <translation>断开与 %1 的连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>sidebar entry and its badge: Alerts  3</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <comment>where a keyboard shortcut works</comment>
        <translation>所有页面</translation>
    </message>
    <message>
        <source>Federation — every centre</source>
        <comment>heading of the Federation page</comment>
        <translation>联邦 — 全部中心</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>page heading: the centre, then the page</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Find a centre…</source>
        <translation>查找中心…</translation>
    </message>
    <message>
        <source>Each centre&apos;s connection: click for the list</source>
        <translation>各中心的连接：点击查看列表</translation>
    </message>
    <message>
        <source>%1 of %2 live</source>
        <comment>status bar: centres live of centres connected</comment>
        <translation>%2 个中心中 %1 个在线</translation>
    </message>
    <message>
        <source>&amp;Where can this run?…</source>
        <translation>这项工作能在哪里运行(&amp;W)？…</translation>
    </message>
</context>
<context>
    <name>suanli::app::MetricsFeed</name>
    <message>
        <source>The centre refused these figures: %1</source>
        <translation>中心拒绝提供这些数据：%1</translation>
    </message>
    <message>
        <source>Could not load the history: %1. It is asked for again when you pick a range.</source>
        <translation>无法加载历史数据：%1。选择时间范围时将重新请求。</translation>
    </message>
</context>
<context>
    <name>suanli::app::NewQuotaRequestDialog</name>
    <message>
        <source>Only &amp;until</source>
        <translation>仅至(&amp;U)</translation>
    </message>
    <message>
        <source>Request quota</source>
        <translation>申请配额</translation>
    </message>
    <message>
        <source> accelerators</source>
        <translation> 张</translation>
    </message>
    <message>
        <source>The new limit in total, not an increment.</source>
        <translation>填写新的总上限，而非增量。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Required: what the quota is for, e.g. the training run and its deadline</source>
        <translation>必填：配额用途，例如训练任务及其截止日期</translation>
    </message>
    <message>
        <source>&amp;Tenant or project:</source>
        <translation>租户或项目(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;New limit:</source>
        <translation>新上限(&amp;N)：</translation>
    </message>
    <message>
        <source>Accelerator-&amp;hours a month:</source>
        <translation>每月卡时(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>理由(&amp;W)：</translation>
    </message>
    <message>
        <source>Needed:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>%1: %2 %3 → %4 accelerators</source>
        <translation>%1：%2 %3 → %4 张</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>A tenant&apos;s own quota is decided by a centre admin.</source>
        <translation>租户自身的配额由中心管理员审批。</translation>
    </message>
    <message>
        <source>Sent %1: %2 asks for %3 %4.</source>
        <translation>已提交 %1：%2 申请 %3 张 %4。</translation>
    </message>
    <message>
        <source>One limit on the accelerators of every model together; where the tenant or project has one, it is reached before any model&apos;s limit above it</source>
        <translation>对所有型号的加速卡合计设一个上限；租户或项目设有此上限时，它会先于高于它的单一型号配额达到</translation>
    </message>
    <message>
        <source>%1&apos;s limit across all models is %2 and is reached first: a higher %3 limit would change nothing. Ask for the limit across all models instead.</source>
        <translation>%1 的全部型号合计配额为 %2 张，会先达到上限：提高 %3 配额不会带来任何变化。请改为申请全部型号合计配额。</translation>
    </message>
    <message>
        <source>Sent %1: %2 asks for %3 accelerators across all models.</source>
        <translation>已提交 %1：%2 申请全部型号合计 %3 张。</translation>
    </message>
    <message>
        <source>Beyond the tenant&apos;s quota: %1 Only a centre admin may approve it.</source>
        <translation>超出租户配额：%1 只有中心管理员可以批准。</translation>
    </message>
    <message>
        <source>Tenants&apos; quotas would add up to %1 of the centre&apos;s %2 accelerators: overcommitted by %3.</source>
        <translation>各租户配额合计将达 %1，而中心共有 %2 个加速卡：超配 %3。</translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeDetailDialog</name>
    <message>
        <source>Node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Node mean</source>
        <translation>节点平均</translation>
    </message>
    <message>
        <source>Accelerator memory used</source>
        <translation>已用显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Node hottest</source>
        <translation>节点最高温度</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Whole node (right axis)</source>
        <translation>整个节点（右轴）</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>No data yet: the gateway records a point a minute</source>
        <translation>暂无数据：网关每分钟记录一个数据点</translation>
    </message>
    <message>
        <source>Each accelerator&apos;s history covers the last hour; the node&apos;s own figures cover 24 hours. Dashed lines mark faults; hover for values, drag and scroll to pan and zoom, double-click to reset.</source>
        <translation>每张加速卡的历史数据覆盖最近 1 小时，节点自身数据覆盖 24 小时。虚线标记故障；悬停查看数值，拖动和滚轮可平移和缩放，双击复位。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — not in this centre&apos;s node list</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 不在此中心的节点列表中</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 × %4 · %5 of them allocated</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 × %4 · 其中 %5 张已分配</translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation> · 原因：%1</translation>
    </message>
    <message>
        <source>No telemetry source is configured for this centre: its gateway reads no accelerator exporter</source>
        <translation>此中心未配置遥测数据源：其网关未接入加速卡指标导出器</translation>
    </message>
    <message>
        <source>no telemetry source</source>
        <translation>无遥测数据源</translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeTableModel</name>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Accelerator memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>set by %1 on %2</source>
        <translation>由 %1 于 %2 设置</translation>
    </message>
    <message>
        <source>set by %1</source>
        <translation>由 %1 设置</translation>
    </message>
    <message>
        <source>reboot pending: the node restarts when its jobs end</source>
        <translation>待重启：作业结束后节点将重启</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s) failed</source>
        <translation>
            <numerusform>%Ln 张加速卡故障</numerusform>
        </translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>suanli::app::NodesPage</name>
    <message>
        <source>&amp;Drain…</source>
        <translation>排空(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;boot…</source>
        <translation>重启(&amp;B)…</translation>
    </message>
    <message>
        <source>Filter, e.g. state:drained model:910B util&lt;10</source>
        <translation>筛选，例如 state:drained model:910B util&lt;10</translation>
    </message>
    <message>
        <source>Colour by state</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <source>Colour by utilisation</source>
        <translation>按利用率着色</translation>
    </message>
    <message>
        <source>Colour by temperature</source>
        <translation>按温度着色</translation>
    </message>
    <message>
        <source>Colour by power</source>
        <translation>按功率着色</translation>
    </message>
    <message>
        <source>Nodes by rack</source>
        <translation>按机柜分布的节点</translation>
    </message>
    <message>
        <source>%1 of %2 accelerators in use</source>
        <translation>%2 张加速卡中 %1 张在用</translation>
    </message>
    <message>
        <source>Utilisation %1, %2, %3</source>
        <translation>利用率 %1，%2，%3</translation>
    </message>
    <message>
        <source>Stop scheduling jobs on the selected nodes; running jobs finish (Ctrl+D)</source>
        <translation>停止向所选节点调度作业；正在运行的作业将继续运行至结束（Ctrl+D）</translation>
    </message>
    <message>
        <source>Return the selected nodes to service (Ctrl+R)</source>
        <translation>使所选节点恢复服务（Ctrl+R）</translation>
    </message>
    <message>
        <source>Reboot the selected nodes once their jobs have ended (Ctrl+Shift+B)</source>
        <translation>在作业结束后重启所选节点（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message numerus="yes">
        <source>Drain %n node(s)? No new jobs will start on them; running jobs finish.</source>
        <translation>
            <numerusform>排空 %Ln 个节点？这些节点将不再启动新作业，正在运行的作业将继续运行至结束。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message numerus="yes">
        <source>Return %n node(s) to service?</source>
        <translation>
            <numerusform>使 %Ln 个节点恢复服务？</numerusform>
        </translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n node(s) once their jobs have ended?</source>
        <translation>
            <numerusform>在作业结束后重启 %Ln 个节点？</numerusform>
        </translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>No node matches the filter</source>
        <translation>没有节点符合筛选条件</translation>
    </message>
    <message>
        <source>Hidden by the filter</source>
        <translation>已被筛选条件隐藏</translation>
    </message>
</context>
<context>
    <name>suanli::app::NotificationBar</name>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>suanli::app::OverviewPage</name>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>Accelerators free</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Accelerators down</source>
        <translation>故障加速卡</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation>等待时间中位数</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未处理告警</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Carbon per hour</source>
        <translation>每小时碳排放</translation>
    </message>
    <message>
        <source>Peak FP16</source>
        <translation>FP16 峰值算力</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>已挂起 %1</translation>
    </message>
    <message>
        <source>p95 %1</source>
        <translation>p95 %1</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation>严重 %1</translation>
    </message>
    <message>
        <source>IT %1</source>
        <translation>IT %1</translation>
    </message>
    <message>
        <source>kg CO₂</source>
        <translation>kg CO₂</translation>
    </message>
    <message>
        <source>grid %1 g/kWh</source>
        <translation>碳排放因子 %1 g/kWh</translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation>PFLOPS</translation>
    </message>
    <message>
        <source>Utilisation and power</source>
        <translation>利用率与功率</translation>
    </message>
    <message>
        <source>Utilisation (left)</source>
        <translation>利用率（左轴）</translation>
    </message>
    <message>
        <source>Facility power (right)</source>
        <translation>设施功率（右轴）</translation>
    </message>
    <message>
        <source>IT power (right)</source>
        <translation>IT 功率（右轴）</translation>
    </message>
    <message>
        <source>Queue depth (jobs pending)</source>
        <translation>队列深度（排队中作业）</translation>
    </message>
    <message>
        <source>Queue wait (p95 solid, p50 dashed)</source>
        <translation>排队等待（实线 p95，虚线 p50）</translation>
    </message>
    <message>
        <source>%1 p95</source>
        <translation>%1 p95</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>no accelerator telemetry</source>
        <translation>无加速卡遥测数据</translation>
    </message>
    <message>
        <source>grid carbon factor not configured</source>
        <translation>电网碳排放因子未配置</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Accelerators unavailable</source>
        <translation>不可用加速卡</translation>
    </message>
    <message>
        <source>On draining, drained or maintenance nodes: not down, but taking no new work.</source>
        <translation>位于排空中、已排空或维护中的节点上：没有故障，但不接新作业。</translation>
    </message>
</context>
<context>
    <name>suanli::app::PlacementDialog</name>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <source>annual average</source>
        <translation>年均值</translation>
    </message>
    <message>
        <source>set by the centre&apos;s operators</source>
        <translation>由本中心运维人员设定</translation>
    </message>
    <message>
        <source>The centre has no grid carbon factor configured.</source>
        <translation>本中心未配置电网碳排放因子。</translation>
    </message>
    <message>
        <source>Grid carbon factor %1 g CO₂/kWh (%2)</source>
        <translation>电网碳排放因子 %1 g CO₂/kWh（%2）</translation>
    </message>
    <message>
        <source>The centre has no PUE configured.</source>
        <translation>本中心未配置 PUE。</translation>
    </message>
    <message>
        <source>accelerators × %1 W at typical load × hours × PUE %2</source>
        <translation>加速卡数 × 典型负载 %1 W × 小时数 × PUE %2</translation>
    </message>
    <message>
        <source>Where can this run?</source>
        <translation>这项工作能在哪里运行？</translation>
    </message>
    <message>
        <source>tenant or tenant/project; empty: capacity only, no quota checked</source>
        <translation>租户或 租户/项目；留空：只看容量，不检查配额</translation>
    </message>
    <message>
        <source>Any of the checked models will do.</source>
        <translation>勾选的型号任一均可。</translation>
    </message>
    <message>
        <source>as the nodes have</source>
        <translation>按节点配置</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>the queue of each model</source>
        <translation>各型号的默认队列</translation>
    </message>
    <message>
        <source>Soonest</source>
        <translation>最早开始</translation>
    </message>
    <message>
        <source>Greenest</source>
        <translation>最低碳</translation>
    </message>
    <message>
        <source>Domestic first</source>
        <translation>国产优先</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>租户(&amp;T)：</translation>
    </message>
    <message>
        <source>Accelerator &amp;models:</source>
        <translation>加速卡型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Accelerators in all:</source>
        <translation>加速卡总数(&amp;A)：</translation>
    </message>
    <message>
        <source>Accelerators per &amp;node:</source>
        <translation>每节点加速卡(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>时长（小时）(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>队列(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Order by:</source>
        <translation>排序(&amp;O)：</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Start (p50)</source>
        <translation>开始（p50）</translation>
    </message>
    <message>
        <source>p10 – p90</source>
        <translation>p10 – p90</translation>
    </message>
    <message>
        <source>Quota headroom</source>
        <translation>配额余量</translation>
    </message>
    <message>
        <source>Energy kWh</source>
        <translation>能耗 kWh</translation>
    </message>
    <message>
        <source>kg CO₂</source>
        <translation>kg CO₂</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>国产</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>不能运行的原因</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>查询(&amp;A)</translation>
    </message>
    <message>
        <source>No connected centre has said which accelerators it has yet.</source>
        <translation>已连接的中心尚未报告其加速卡型号。</translation>
    </message>
    <message>
        <source>Check at least one accelerator model.</source>
        <translation>请至少勾选一种加速卡型号。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>no answer · last seen %1 ago</source>
        <translation>无应答 · 最后联系于 %1前</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>查询中…</translation>
    </message>
    <message>
        <source>forecast by %1</source>
        <translation>预测方法：%1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>%1 of %2 held</source>
        <translation>已占用 %1 / %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No centre is connected.</source>
        <translation>没有已连接的中心。</translation>
    </message>
    <message>
        <source>%1 of %2 centres answered; asking the others…</source>
        <translation>%2 个中心中 %1 个已应答；正在询问其余中心…</translation>
    </message>
    <message>
        <source>Nowhere can take it as asked.</source>
        <translation>按所提要求，没有中心能运行。</translation>
    </message>
    <message>
        <source>%1 of %2 centres answered; %3 did not. Asked again every %4 s.</source>
        <translation>%2 个中心中 %1 个已应答，%3 个无应答。每 %4 秒重新查询。</translation>
    </message>
</context>
<context>
    <name>suanli::app::PriorityDialog</name>
    <message>
        <source>Set priority</source>
        <translation>设置优先级</translation>
    </message>
    <message numerus="yes">
        <source>New priority for %n job(s). Higher runs first; it applies while they wait.</source>
        <translation>
            <numerusform>为 %Ln 个作业设置新优先级。数值越高越先运行；仅在排队期间生效。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>及另外 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>0 (lowest) to 1,000,000</source>
        <translation>0（最低）到 1,000,000</translation>
    </message>
    <message>
        <source>Optional: kept in the audit log</source>
        <translation>选填，记入审计日志</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>suanli::app::ProfileStore</name>
    <message>
        <source>No token stored for %1: %2</source>
        <translation>未保存 %1 的令牌：%2</translation>
    </message>
</context>
<context>
    <name>suanli::app::ProfilesDialog</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Remove centre</source>
        <translation>移除中心</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Remove %1? Its pages close, and its saved address, trusted certificate and token are deleted from this computer.</source>
        <translation>移除 %1？其页面将关闭，保存在本机的地址、受信任证书和令牌将被删除。</translation>
    </message>
    <message>
        <source>%1 — %2 (connected for this session only; read only)</source>
        <translation>%1 — %2（仅本次会话连接；只读）</translation>
    </message>
    <message>
        <source>A simulated centre of this demo: it is not saved on this computer and stops when the console quits, so it cannot be edited, removed or disconnected here.</source>
        <translation>本演示的模拟中心：未保存在本机，控制台退出时即停止，因此不能在此编辑、删除或断开。</translation>
    </message>
</context>
<context>
    <name>suanli::app::QueueTableModel</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1: %2 free, %3 in use, %4 down, %5 unavailable, of %6</source>
        <translation>%1：空闲 %2，在用 %3，故障 %4，不可用 %5，共 %6</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Wait (median)</source>
        <translation>等待（中位数）</translation>
    </message>
    <message>
        <source>Wait (95th percentile)</source>
        <translation>等待（p95）</translation>
    </message>
    <message>
        <source>Largest startable</source>
        <translation>最大可启动</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>the default queue</source>
        <translation>默认队列</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) available</source>
        <translation>
            <numerusform>%Ln 个节点中 %1 个可用</numerusform>
        </translation>
    </message>
    <message>
        <source>jobs may run up to %1</source>
        <translation>作业最长可运行 %1</translation>
    </message>
    <message>
        <source>pending jobs ask for %1 accelerators</source>
        <translation>排队作业申请 %1 张加速卡</translation>
    </message>
    <message>
        <source>half the jobs that started in the last hour waited less than this</source>
        <translation>过去一小时内启动的作业中，半数的等待时间短于此值</translation>
    </message>
    <message>
        <source>95 % of the jobs that started in the last hour waited less than this</source>
        <translation>过去一小时内启动的作业中，95% 的等待时间短于此值</translation>
    </message>
    <message>
        <source>the most accelerators a job could get if it started now</source>
        <translation>作业若现在启动，最多可获得的加速卡数</translation>
    </message>
</context>
<context>
    <name>suanli::app::QueuesPage</name>
    <message>
        <source>Filter, e.g. model:910B free&gt;=64 pending&gt;0</source>
        <translation>筛选，例如 model:910B free&gt;=64 pending&gt;0</translation>
    </message>
    <message>
        <source>Can I run a job now?</source>
        <translation>现在能运行作业吗？</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Accelerator model</source>
        <translation>加速卡型号</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>&amp;Accelerators:</source>
        <translation>加速卡(&amp;A)：</translation>
    </message>
    <message>
        <source>of &amp;model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>in &amp;queue:</source>
        <translation>队列(&amp;Q)：</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>任意型号</translation>
    </message>
    <message>
        <source>This centre has no queues.</source>
        <translation>此中心没有队列。</translation>
    </message>
    <message>
        <source>Waiting for the centre&apos;s queues…</source>
        <translation>正在等待中心的队列数据…</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>No queue matches the filter</source>
        <translation>没有队列符合筛选条件</translation>
    </message>
    <message>
        <source>Tenant whose quota is checked</source>
        <translation>检查其配额的租户</translation>
    </message>
    <message>
        <source>for &amp;tenant:</source>
        <translation>租户(&amp;T)：</translation>
    </message>
    <message>
        <source>From the queue&apos;s free accelerators and how they are spread over its nodes right now, and the chosen tenant&apos;s own quota; a project&apos;s quota can still hold a job.</source>
        <translation>依据队列当前的空闲加速卡及其在各节点上的分布，以及所选租户自身的配额；项目配额仍可能使作业等待。</translation>
    </message>
    <message>
        <source>any queue</source>
        <translation>任意队列</translation>
    </message>
    <message>
        <source>no tenant&apos;s quota</source>
        <translation>不检查租户配额</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>suanli::app::QuotaRequestTableModel</name>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation>租户 / 项目</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>申请理由</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Needs admin</source>
        <translation>需管理员</translation>
    </message>
    <message>
        <source>asked %1</source>
        <translation>申请于 %1</translation>
    </message>
    <message>
        <source>the tenant&apos;s own quota</source>
        <translation>租户自身配额</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>accelerator-hours a month: %1 → %2</source>
        <translation>每月卡时：%1 → %2</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>decided by %1 on %2</source>
        <translation>由 %1 于 %2 审批</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>approving would go beyond the tenant&apos;s own quota: only a centre admin may approve</source>
        <translation>批准后将超出租户自身配额：只有中心管理员可以批准</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Accelerators at once: the limit in force when asked → the limit asked for</source>
        <translation>同时使用的加速卡：申请时生效的上限 → 申请的上限</translation>
    </message>
    <message>
        <source>Now → asked</source>
        <translation>当前 → 申请</translation>
    </message>
    <message>
        <source>one limit on the accelerators of every model together</source>
        <translation>对所有型号的加速卡合计设的一个上限</translation>
    </message>
</context>
<context>
    <name>suanli::app::QuotaRequestsPage</name>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <source>Request &amp;quota…</source>
        <translation>申请配额(&amp;Q)…</translation>
    </message>
    <message>
        <source>Filter, e.g. state:pending tenant:galaxy</source>
        <translation>筛选，例如 state:pending tenant:galaxy</translation>
    </message>
    <message>
        <source>Select a request to see who asked, why, and what approving it would change.</source>
        <translation>选择一条申请，查看申请人、理由以及批准后的影响。</translation>
    </message>
    <message>
        <source>&lt;b&gt;If approved&lt;/b&gt;</source>
        <translation>&lt;b&gt;批准后&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Limit of %1: &lt;b&gt;%2 → %3&lt;/b&gt; %4 at once (%5 in use now)</source>
        <translation>%1 的 %4 同时使用上限：&lt;b&gt;%2 → %3&lt;/b&gt; 张（当前在用 %5 张）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Accelerator-hours a month: %1 → %2</source>
        <translation>每月卡时：%1 → %2</translation>
    </message>
    <message>
        <source>The console does not see %1 now: the figures are those of the request.</source>
        <translation>控制台当前看不到 %1：以下数字取自申请本身。</translation>
    </message>
    <message>
        <source>Tenant %1: its projects hold &lt;b&gt;%2 → %3&lt;/b&gt; of its quota of %4</source>
        <translation>租户 %1：其项目占用 &lt;b&gt;%2 → %3&lt;/b&gt; 张，租户配额 %4 张</translation>
    </message>
    <message>
        <source>Tenant %1&apos;s quota: &lt;b&gt;%2 → %3&lt;/b&gt;</source>
        <translation>租户 %1 的配额：&lt;b&gt;%2 → %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tenant %1 uses %2 %3 now</source>
        <translation>租户 %1 当前在用 %2 张 %3</translation>
    </message>
    <message>
        <source>, and pending jobs ask for %1 more</source>
        <translation>，排队作业另需 %1 张</translation>
    </message>
    <message>
        <source>Centre: reports no %1 accelerators.</source>
        <translation>中心：未报告任何 %1 加速卡。</translation>
    </message>
    <message>
        <source>Centre: %1 %2 in all, %3 in use, %4 free now.</source>
        <translation>中心：%2 共 %1 张，在用 %3 张，当前空闲 %4 张。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asked by&lt;/b&gt; %1 on %2</source>
        <translation>&lt;b&gt;申请人&lt;/b&gt; %1，%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;How much:&lt;/b&gt; %1, %2 %3 → &lt;b&gt;%4&lt;/b&gt; at once</source>
        <translation>&lt;b&gt;申请额度：&lt;/b&gt;%1，%2 同时使用 %3 → &lt;b&gt;%4&lt;/b&gt; 张</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;理由：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Until:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;截止：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Beyond the tenant&apos;s quota: needs a centre admin.</source>
        <translation>超出租户配额：需要中心管理员审批。</translation>
    </message>
    <message>
        <source>You may reject it; only a centre admin may approve it.</source>
        <translation>您可以驳回；只有中心管理员可以批准。</translation>
    </message>
    <message>
        <source>%1 by %2 on %3.</source>
        <translation>%1（%2，%3）。</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Approve the selected request and apply its quota (Ctrl+Shift+Y)</source>
        <translation>批准所选申请并使其配额生效（Ctrl+Shift+Y）</translation>
    </message>
    <message>
        <source>Reject the selected request with a comment (Ctrl+Shift+J)</source>
        <translation>驳回所选申请并填写备注（Ctrl+Shift+J）</translation>
    </message>
    <message>
        <source>Beyond the tenant&apos;s quota: needs a centre admin (the admin role).</source>
        <translation>超出租户配额：需要中心管理员（管理员角色）审批。</translation>
    </message>
    <message>
        <source>You do not manage tenant %1.</source>
        <translation>您不是租户 %1 的管理员。</translation>
    </message>
    <message>
        <source>This request is already %1.</source>
        <translation>此申请已是“%1”状态。</translation>
    </message>
    <message>
        <source>Ask for more quota for a tenant or project (Ctrl+Shift+N)</source>
        <translation>为租户或项目申请更多配额（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Needs the operator, tenant-manager or admin role, acting for a tenant.</source>
        <translation>需要运维人员、租户管理员或管理员角色，并代表某个租户操作。</translation>
    </message>
    <message>
        <source>You see the quota requests of the tenants you manage: %1. You decide those within a tenant&apos;s quota; beyond it, a centre admin does.</source>
        <translation>您可以看到所管理租户的配额申请：%1。租户配额以内的申请由您审批，超出部分由中心管理员审批。</translation>
    </message>
    <message>
        <source>Read only: deciding quota requests needs the tenant-manager or admin role.</source>
        <translation>只读：审批配额申请需要租户管理员或管理员角色。</translation>
    </message>
    <message>
        <source>Approved %1: %2&apos;s %3 quota is now %4 accelerators.</source>
        <translation>已批准 %1：%2 的 %3 配额现为 %4 张。</translation>
    </message>
    <message>
        <source>Rejected %1.</source>
        <translation>已驳回 %1。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>批准后</translation>
    </message>
    <message>
        <source>%1 left beyond them</source>
        <translation>配额之外剩余 %1</translation>
    </message>
    <message>
        <source>overcommitted by %1</source>
        <translation>超额分配 %1</translation>
    </message>
    <message>
        <source>Tenants&apos; quotas add up to %1, unchanged: %2.</source>
        <translation>各租户配额合计 %1，不变：%2。</translation>
    </message>
    <message>
        <source>Tenants&apos; quotas add up to %1 → %2: %3 → %4.</source>
        <translation>各租户配额合计 %1 → %2：%3 → %4。</translation>
    </message>
    <message>
        <source>Tenant %1&apos;s quota held by its projects:</source>
        <translation>租户 %1 的配额中项目占用：</translation>
    </message>
    <message>
        <source>Tenant %1&apos;s quota in use:</source>
        <translation>租户 %1 的配额使用：</translation>
    </message>
    <message>
        <source>now %1, after %2</source>
        <translation>当前 %1，批准后 %2</translation>
    </message>
    <message>
        <source>%1&apos;s limit across all models</source>
        <translation>%1 的全部型号合计配额</translation>
    </message>
    <message>
        <source>%1&apos;s %2 quota</source>
        <translation>%1 的 %2 配额</translation>
    </message>
    <message>
        <source>Limit of %1 across all models: &lt;b&gt;%2 → %3&lt;/b&gt; at once (%4 in use now)</source>
        <translation>%1 的全部型号合计同时使用上限：&lt;b&gt;%2 → %3&lt;/b&gt; 张（当前在用 %4 张）</translation>
    </message>
    <message>
        <source>Tenant %1: its projects hold &lt;b&gt;%2 → %3&lt;/b&gt; of its limit of %4 across all models</source>
        <translation>租户 %1：其项目占用 &lt;b&gt;%2 → %3&lt;/b&gt; 张，租户全部型号合计配额 %4 张</translation>
    </message>
    <message>
        <source>Tenant %1 uses %2 accelerators of all models now</source>
        <translation>租户 %1 当前在用全部型号合计 %2 张</translation>
    </message>
    <message>
        <source>Room to start more, of any model: &lt;b&gt;%1 → %2&lt;/b&gt; accelerators</source>
        <translation>还可启动（任意型号）：&lt;b&gt;%1 → %2&lt;/b&gt; 张</translation>
    </message>
    <message>
        <source>Room to start more %1: &lt;b&gt;%2 → %3&lt;/b&gt;</source>
        <translation>还可启动 %1：&lt;b&gt;%2 → %3&lt;/b&gt; 张</translation>
    </message>
    <message>
        <source>; %1 stops it then (%2 of %3 in use)</source>
        <translation>；届时受限于%1（在用 %2 张，上限 %3 张）</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 在用 %2 张，配额 %3 张</translation>
    </message>
    <message>
        <source>Each model&apos;s own limit still applies: %1</source>
        <translation>各型号自身的配额仍然有效：%1</translation>
    </message>
    <message>
        <source>Centre: reports no accelerators.</source>
        <translation>中心：未报告任何加速卡。</translation>
    </message>
    <message>
        <source>Centre: %1 accelerators of all models, %2 in use, %3 free now.</source>
        <translation>中心：全部型号共 %1 张，在用 %2 张，当前空闲 %3 张。</translation>
    </message>
    <message>
        <source>Quota requests</source>
        <translation>配额申请</translation>
    </message>
    <message>
        <source>No quota request matches the filter</source>
        <translation>没有配额申请符合筛选条件</translation>
    </message>
</context>
<context>
    <name>suanli::app::SetQuotaDialog</name>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Set quota</source>
        <translation>设置配额</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source> accelerators</source>
        <translation> 张</translation>
    </message>
    <message>
        <source>Accelerator-hours that may be consumed per calendar month; 0 for no limit.</source>
        <translation>每个自然月可消耗的卡时；0 表示不限。</translation>
    </message>
    <message>
        <source>Optional: kept in the audit log</source>
        <translation>选填，记入审计日志</translation>
    </message>
    <message>
        <source>&amp;Tenant or project:</source>
        <translation>租户或项目(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;At once:</source>
        <translation>同时使用(&amp;A)：</translation>
    </message>
    <message>
        <source>Accelerator-&amp;hours a month:</source>
        <translation>每月卡时(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>This is the quota in force; change a limit to set it.</source>
        <translation>这是当前生效的配额；修改上限后即可设置。</translation>
    </message>
    <message>
        <source>The projects of %1 would hold %2 %3 against the tenant&apos;s quota of %4.</source>
        <translation>%1 的项目配额合计将达 %2 张 %3，超出租户配额 %4 张。</translation>
    </message>
    <message>
        <source>%1: %2 %3 → %4 accelerators at once</source>
        <translation>%1：%2 同时使用 %3 → %4 张</translation>
    </message>
    <message>
        <source>; accelerator-hours a month: %1 → %2</source>
        <translation>；每月卡时：%1 → %2</translation>
    </message>
    <message>
        <source>One limit on the accelerators of every model together, beside each model&apos;s own</source>
        <translation>对所有型号的加速卡合计设的一个上限，与各型号自身的配额并存</translation>
    </message>
    <message>
        <source>The projects of %1 would hold %2 accelerators across all models against the tenant&apos;s limit of %3.</source>
        <translation>%1 的项目全部型号合计配额将达 %2 张，超出租户的合计配额 %3 张。</translation>
    </message>
    <message>
        <source>%1&apos;s limit across all models is %2 and is reached first: a higher %3 limit changes nothing.</source>
        <translation>%1 的全部型号合计配额为 %2 张，会先达到上限：更高的 %3 配额不会带来任何变化。</translation>
    </message>
</context>
<context>
    <name>suanli::app::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>suanli::app::TableTools</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Copy the selected rows as text with headers (Ctrl+C)</source>
        <translation>将所选行连同表头复制为文本（Ctrl+C）</translation>
    </message>
    <message>
        <source>Save the rows and columns shown as a CSV file (Ctrl+Shift+E)</source>
        <translation>将当前显示的行和列保存为 CSV 文件（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2. Choose a folder you can write to.</source>
        <translation>导出到 %1 失败：%2。请选择一个有写入权限的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1</source>
        <translation>
            <numerusform>已将 %Ln 行导出到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantTreeModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 %3 in use</source>
        <translation>%3：已用 %1 张，配额 %2 张</translation>
    </message>
    <message>
        <source>%1 %2 in use, no quota set</source>
        <translation>%2：已用 %1 张，未设配额</translation>
    </message>
    <message>
        <source>%1 more asked for by pending jobs</source>
        <translation>排队作业另需 %1 张</translation>
    </message>
    <message>
        <source>accelerator-hours this month: %1 of %2</source>
        <translation>本月卡时：%1 / %2</translation>
    </message>
    <message>
        <source>accelerator-hours this month: %1</source>
        <translation>本月卡时：%1</translation>
    </message>
    <message>
        <source>tenant %1: %2</source>
        <translation>租户 %1：%2</translation>
    </message>
    <message>
        <source>project %1: %2</source>
        <translation>项目 %1：%2</translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation>租户 / 项目</translation>
    </message>
    <message>
        <source>%1 accelerators in use / quota</source>
        <translation>%1 加速卡：在用 / 配额</translation>
    </message>
    <message>
        <source>%1 of %2 accelerators in use, of every model together</source>
        <translation>全部型号合计：已用 %1 张，配额 %2 张</translation>
    </message>
    <message>
        <source>%1 accelerators in use, of every model together; no limit of its own across all models</source>
        <translation>全部型号合计：已用 %1 张，自身未设全部型号合计配额</translation>
    </message>
    <message>
        <source>Accelerators of every model together in use / the limit across all models</source>
        <translation>全部型号合计在用加速卡 / 全部型号合计配额</translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantUsageChart</name>
    <message>
        <source>Accelerators in use by model, against quota</source>
        <translation>各型号在用加速卡与配额</translation>
    </message>
    <message>
        <source>Accelerator-hours per day</source>
        <translation>每日卡时</translation>
    </message>
    <message>
        <source>Accelerator-hours</source>
        <translation>卡时</translation>
    </message>
    <message>
        <source>This tenant has no quota or usage here</source>
        <translation>此租户在本中心没有配额或用量</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 quota %2</source>
        <translation>%1 配额 %2</translation>
    </message>
    <message>
        <source>Could not load accelerator-hours: %1</source>
        <translation>无法加载卡时：%1</translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantsPage</name>
    <message>
        <source>&amp;Set quota…</source>
        <translation>设置配额(&amp;S)…</translation>
    </message>
    <message>
        <source>Request &amp;quota…</source>
        <translation>申请配额(&amp;Q)…</translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
    <message>
        <source>Filter tenants, e.g. id:galaxy</source>
        <translation>筛选租户，例如 id:galaxy</translation>
    </message>
    <message>
        <source>You see the tenants you manage: %1.</source>
        <translation>您可以看到所管理的租户：%1。</translation>
    </message>
    <message>
        <source>Set the selected tenant&apos;s or project&apos;s quota for a model (Ctrl+Shift+Q)</source>
        <translation>为所选租户或项目设置某型号的配额（Ctrl+Shift+Q）</translation>
    </message>
    <message>
        <source>Ask for more quota for a tenant or project (Ctrl+Shift+N)</source>
        <translation>为租户或项目申请更多配额（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Needs the operator, tenant-manager or admin role, acting for a tenant.</source>
        <translation>需要运维人员、租户管理员或管理员角色，并代表某个租户操作。</translation>
    </message>
    <message>
        <source>Select a tenant to see its projects&apos; use of its quota.</source>
        <translation>选择一个租户，查看其各项目对配额的使用情况。</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Accelerators the tenant&apos;s jobs use now, against its quota</source>
        <translation>租户作业当前使用的加速卡 / 配额</translation>
    </message>
    <message>
        <source>Held by its projects</source>
        <translation>项目占用</translation>
    </message>
    <message>
        <source>The sum of its projects&apos; quotas, against the tenant&apos;s quota</source>
        <translation>各项目配额之和 / 租户配额</translation>
    </message>
    <message>
        <source>Accelerator-hours this month</source>
        <translation>本月卡时</translation>
    </message>
    <message>
        <source>Accelerator-hours used this calendar month, against the monthly limit</source>
        <translation>本自然月已用卡时 / 每月上限</translation>
    </message>
    <message>
        <source>Accelerators project %1 uses now, against its quota</source>
        <translation>项目 %1 当前使用的加速卡 / 配额</translation>
    </message>
    <message>
        <source>&lt;b&gt;Projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;项目&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Set %1&apos;s %2 quota to %3 accelerators.</source>
        <translation>已将 %1 的 %2 配额设为 %3 张。</translation>
    </message>
    <message>
        <source>One limit on the accelerators of every model together: a job must fit it and its own model&apos;s limit</source>
        <translation>对所有型号的加速卡合计设的一个上限：作业须同时满足它和自身型号的配额</translation>
    </message>
    <message>
        <source>Set %1&apos;s limit across all models to %2 accelerators.</source>
        <translation>已将 %1 的全部型号合计配额设为 %2 张。</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>No tenant matches the filter</source>
        <translation>没有租户符合筛选条件</translation>
    </message>
</context>
<context>
    <name>suanli::app::TextLimitHint</name>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>超出 %Ln 个字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>还可输入 %Ln 个字</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::WallAlertTicker</name>
    <message>
        <source>No open alerts at any centre</source>
        <translation>各中心均无未处理告警</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallCapacityBar</name>
    <message>
        <source>%1 in use · %2 free</source>
        <translation>在用 %1 · 空闲 %2</translation>
    </message>
    <message>
        <source> · %1 down</source>
        <translation> · 故障 %1</translation>
    </message>
    <message>
        <source> · %1 asked for</source>
        <translation> · 排队需求 %1</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallEnergyPage</name>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>IT power</source>
        <translation>IT 功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Grid carbon intensity</source>
        <translation>电网碳排放因子</translation>
    </message>
    <message>
        <source>Carbon per hour</source>
        <translation>每小时碳排放</translation>
    </message>
    <message>
        <source>%1 · Energy and carbon</source>
        <translation>%1 · 能耗与碳排放</translation>
    </message>
    <message>
        <source>servers, cooling and losses</source>
        <translation>服务器、制冷与损耗</translation>
    </message>
    <message>
        <source>servers and accelerators</source>
        <translation>服务器与加速卡</translation>
    </message>
    <message>
        <source>facility ÷ IT power</source>
        <translation>设施功率 ÷ IT 功率</translation>
    </message>
    <message>
        <source>g CO₂/kWh</source>
        <translation>g CO₂/kWh</translation>
    </message>
    <message>
        <source>kg CO₂</source>
        <translation>kg CO₂</translation>
    </message>
    <message>
        <source>t CO₂</source>
        <translation>t CO₂</translation>
    </message>
    <message>
        <source>Carbon per day</source>
        <translation>每日碳排放</translation>
    </message>
    <message>
        <source>at the current draw</source>
        <translation>按当前功率</translation>
    </message>
    <message>
        <source>Facility power and carbon, last 24 hours</source>
        <translation>设施功率与碳排放（最近 24 小时）</translation>
    </message>
    <message>
        <source>CO₂ emitted per hour</source>
        <translation>每小时 CO₂ 排放量</translation>
    </message>
    <message>
        <source>The centre did not send its history: %1</source>
        <translation>中心未发送历史数据：%1</translation>
    </message>
    <message>
        <source>Not configured: this centre&apos;s gateway was not given its PUE or its grid&apos;s carbon factor</source>
        <translation>未配置：此中心的网关未配置 PUE 或电网碳排放因子</translation>
    </message>
    <message>
        <source>not configured</source>
        <comment>after a chart&apos;s series in its legend</comment>
        <translation>未配置</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallFederationPage</name>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>Carbon per hour</source>
        <translation>每小时碳排放</translation>
    </message>
    <message>
        <source>%1: %2 in use · %3 free</source>
        <translation>%1 在用%2 · 空闲%3</translation>
    </message>
    <message>
        <source> · %1 down</source>
        <translation> · 故障%1</translation>
    </message>
    <message>
        <source>wait p50 %1</source>
        <translation>p50 等待 %1</translation>
    </message>
    <message>
        <source>PUE %1</source>
        <translation>PUE %1</translation>
    </message>
    <message>
        <source>kg CO₂</source>
        <translation>kg CO₂</translation>
    </message>
    <message>
        <source>Not current — data %1 old</source>
        <translation>非实时 — 数据已滞后 %1</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Federation</source>
        <translation>联邦总览</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>PUE not configured</source>
        <translation>PUE 未配置</translation>
    </message>
    <message>
        <source> · %1 unavailable</source>
        <translation> · %1 不可用</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallHeatmapPage</name>
    <message>
        <source>%1 · All nodes</source>
        <translation>%1 · 全部节点</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallKpiPage</name>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>Accelerators free</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation>等待时间中位数</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未处理告警</translation>
    </message>
    <message>
        <source>%1 · Key figures</source>
        <translation>%1 · 关键指标</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>of accelerators in use</source>
        <translation>在用加速卡的利用率</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>已挂起 %1</translation>
    </message>
    <message>
        <source>p95 %1</source>
        <translation>p95 %1</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation>严重 %1</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>accelerators</source>
        <translation>张加速卡</translation>
    </message>
    <message>
        <source>%1 down · %2 drained</source>
        <translation>宕机 %1 · 已排空 %2</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>draining, drained, maintenance</source>
        <translation>排空中、已排空、维护中</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallQueuePage</name>
    <message>
        <source>No queues reported yet</source>
        <translation>尚未上报队列</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>Wait p50 / p95</source>
        <translation>等待 p50 / p95</translation>
    </message>
    <message>
        <source>%1 · Queue pressure</source>
        <translation>%1 · 队列压力</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallTakeover</name>
    <message>
        <source>CRITICAL ALERT</source>
        <translation>严重告警</translation>
    </message>
    <message>
        <source>More new critical alerts: %1</source>
        <translation>更多新的严重告警：%1 条</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallTenantPage</name>
    <message>
        <source>No tenants reported yet</source>
        <translation>尚未上报租户</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Accelerators in use / quota</source>
        <translation>在用加速卡 / 配额</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>排队需求</translation>
    </message>
    <message>
        <source>%1 · Top tenants by use</source>
        <translation>%1 · 用量最高的租户</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>suanli::app::WallWindow</name>
    <message>
        <source>Suanli wall</source>
        <translation>Suanli 大屏</translation>
    </message>
    <message>
        <source>%1: no pinned certificate in this profile — connect once from the console to pin it, then restart the wall</source>
        <translation>%1：此配置中没有固定证书 — 请先从控制台连接一次以固定证书，然后重启大屏</translation>
    </message>
    <message>
        <source>%1 since %2 (%3 ago)</source>
        <translation>%1，始于 %2（%3前）</translation>
    </message>
    <message>
        <source>data %1 old</source>
        <translation>数据已滞后 %1</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>%1: the gateway cannot reach its scheduler — %2</source>
        <translation>%1：网关无法连接调度器 — %2</translation>
    </message>
    <message>
        <source>%1: connecting for %2 — %3</source>
        <translation>%1：正在连接（已持续 %2）— %3</translation>
    </message>
    <message>
        <source>%1: no connection for %2 — %3; retrying by itself</source>
        <translation>%1：已断开 %2 — %3；正在自动重试</translation>
    </message>
    <message>
        <source>%1: the wall&apos;s token was refused — save a new viewer token in its profile</source>
        <translation>%1：大屏的令牌被拒绝 — 请在其配置中保存新的只读令牌</translation>
    </message>
    <message>
        <source>%1: the gateway&apos;s certificate is not pinned in this profile — connect once from the console to pin it</source>
        <translation>%1：此配置中未固定网关证书 — 请先从控制台连接一次以固定证书</translation>
    </message>
    <message>
        <source>%1: the gateway presents a different certificate than the pinned one — blocked; check with the centre&apos;s operators</source>
        <translation>%1：网关提供的证书与固定的证书不同 — 已阻止；请与该中心的运维人员核实</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Critical alert</source>
        <translation>严重告警</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1，始于 %2</translation>
    </message>
    <message>
        <source>Press Esc or Q again to leave the wall</source>
        <translation>再按一次 Esc 或 Q 退出大屏</translation>
    </message>
</context>
<context>
    <name>suanli::client::Connection</name>
    <message>
        <source>checking the gateway&apos;s certificate</source>
        <translation>正在检查网关证书</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <source>loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <source>the gateway presents a certificate authority with fingerprint %1; it is not trusted yet</source>
        <translation>网关提供的证书颁发机构指纹为 %1，尚未受信任</translation>
    </message>
    <message>
        <source>the gateway now presents a certificate authority with fingerprint %1, not the trusted %2</source>
        <translation>网关现在提供的证书颁发机构指纹为 %1，而非受信任的 %2</translation>
    </message>
    <message>
        <source>live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>the gateway did not send the centre&apos;s state in time</source>
        <translation>网关未及时发送中心状态</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s: %1</source>
        <translation>
            <numerusform>%Ln 秒后重连：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>reconnecting: %1</source>
        <translation>正在重连：%1</translation>
    </message>
</context>
<context>
    <name>suanli::client::TlsProbe</name>
    <message>
        <source>no TLS handshake within the time allowed</source>
        <translation>未在规定时间内完成 TLS 握手</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not host:port</source>
        <translation>“%1”不是 host:port 格式</translation>
    </message>
    <message>
        <source>the gateway presented no certificate</source>
        <translation>网关未提供证书</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::KpiTile</name>
    <message>
        <source>%1 in the last %2</source>
        <comment>trend: change, period</comment>
        <translation>近 %2 %1</translation>
    </message>
    <message>
        <source>Stale: no recent data</source>
        <translation>数据过期：近期无数据</translation>
    </message>
    <message>
        <source>Stale: updated %1 ago</source>
        <translation>数据过期：%1前更新</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::QuotaBar</name>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>%1 used, no quota</source>
        <translation>已用 %1，未设配额</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>未设配额</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %, over quota)</source>
        <translation>%1 / %2（%3%，超出配额）</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::RackHeatmap</name>
    <message>
        <source>Rack heatmap</source>
        <translation>机柜热力图</translation>
    </message>
    <message>
        <source>no rack</source>
        <translation>无机柜</translation>
    </message>
    <message>
        <source>%1 (rack %2)
%3</source>
        <translation>%1（机柜 %2）
%3</translation>
    </message>
    <message>
        <source>%1 nodes in %2 racks: %3</source>
        <translation>%2 个机柜共 %1 个节点：%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>legend: state, count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>racks from, to</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value, unit</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::StatusBadge</name>
    <message>
        <source>%1+</source>
        <comment>more than a count</comment>
        <translation>%1+</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::TimeSeriesPlot</name>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>显示最近 %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save this chart as an image (PNG), a document (PDF) or its data (CSV)</source>
        <translation>将此图表保存为图片 (PNG)、文档 (PDF) 或数据 (CSV)</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>图片 (PNG)…</translation>
    </message>
    <message>
        <source>Document (PDF)…</source>
        <translation>文档 (PDF)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>数据 (CSV)…</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 GW</source>
        <translation>%1 GW</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 MW</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 g/kWh</source>
        <translation>%1 g/kWh</translation>
    </message>
    <message>
        <source>%1 t/h</source>
        <translation>%1 t/h</translation>
    </message>
    <message>
        <source>%1 kg/h</source>
        <translation>%1 kg/h</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>time axis: day and month</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>time axis: hours and minutes</comment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>%1 (no data)</source>
        <translation>%1（无数据）</translation>
    </message>
    <message>
        <source>No data: this centre does not measure it</source>
        <translation>无数据：此中心不采集该指标</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1. Check that the folder exists and that you may write to it, then try again.</source>
        <translation>无法写入 %1。请确认文件夹存在且有写入权限，然后重试。</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>accelerator-hours</comment>
        <translation>%1 卡时</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
</TS>
